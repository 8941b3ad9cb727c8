package org.customergateway.mapping;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the small lookup tables in {@code mappings/} with Jackson's CSV parser: a header row that must
 * be exactly the one expected, then rows of exactly that many cells. Lines starting with {@code #} are
 * comments. A malformed file stops the start.
 */
public final class MappingsCsv {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.ALLOW_COMMENTS,
                    CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.TRIM_SPACES)
            .build();

    private MappingsCsv() {
    }

    public static List<String[]> read(Path file, String expectedHeader) {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(file.toFile())) {
            if (!lines.hasNext()) {
                throw new IllegalStateException(file + " is empty");
            }
            String header = String.join(",", lines.next());
            if (!header.equals(expectedHeader)) {
                throw new IllegalStateException(file + ": header must be '" + expectedHeader + "' but is '" + header + "'");
            }
            int columns = expectedHeader.split(",").length;
            while (lines.hasNext()) {
                String[] cells = lines.next();
                if (cells.length != columns) {
                    throw new IllegalStateException(file + " line " + lines.getCurrentLocation().getLineNr()
                            + ": expected " + columns + " columns, found " + cells.length + ": " + Arrays.toString(cells));
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping table " + file.toAbsolutePath(), e);
        }
        return rows;
    }
}
