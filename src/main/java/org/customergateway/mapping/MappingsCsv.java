package org.customergateway.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the small lookup tables in {@code mappings/}: a header row that must be exactly the one
 * expected, then plain comma-separated rows (no quoting: these files are ours and hold none).
 * Blank lines and lines starting with {@code #} are skipped. A malformed file stops the start.
 */
public final class MappingsCsv {

    private MappingsCsv() {
    }

    public static List<String[]> read(Path file, String expectedHeader) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping table " + file.toAbsolutePath(), e);
        }
        List<String[]> rows = new ArrayList<>(lines.size());
        int columns = expectedHeader.split(",").length;
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(expectedHeader)) {
                    throw new IllegalStateException(file + ": header must be '" + expectedHeader + "' but is '" + line + "'");
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": expected " + columns + " columns, found "
                        + cells.length + ": " + line);
            }
            rows.add(Arrays.stream(cells).map(String::strip).toArray(String[]::new));
        }
        if (!headerSeen) {
            throw new IllegalStateException(file + " is empty");
        }
        return rows;
    }
}
