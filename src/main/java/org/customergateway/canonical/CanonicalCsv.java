package org.customergateway.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.reflect.RecordComponent;
import org.customergateway.json.IsoDateTimes;
import org.customergateway.json.TextRules;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Canonical CSV (docs/file-drop.md): a header row naming the columns, UTF-8 with or without a BOM, RFC 4180
 * quoting. Read as a stream, one record at a time, so a file of millions of rows takes bounded memory.
 * Each record becomes a customer or an error of its own: one bad row never stops the others.
 */
public final class CanonicalCsv {

    public static final List<String> COLUMNS = List.of(CanonicalCsvRow.class.getAnnotation(
            com.fasterxml.jackson.annotation.JsonPropertyOrder.class).value());
    private static final Set<String> KNOWN = Set.copyOf(COLUMNS);

    /**
     * A record: its number (1 for the first row after the header), and a customer or why there is none;
     * {@code customerId} is its customer_id cell whenever that cell could be read as text, a refused row's
     * too (a report can then say which customer a refused row was), else null.
     */
    public record Record(long number, Customer customer, String error, String customerId) {
        public boolean isValid() {
            return customer != null;
        }
    }

    // no TRIM_SPACES: Jackson trims every character up to U+0020 with the spaces, so a control character
    // at either end of a cell was dropped unseen (docs/http-api.md: refused, never cleaned up); each cell is read
    // by CellText instead
    private final CsvMapper mapper = CsvMapper.builder()
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("canonical-csv-cells")
                    .addDeserializer(String.class, new CellText()))
            .build();

    /** A cell without the spaces and tabs around it (an empty cell is none); any other character stays, to be judged. */
    private static final class CellText extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        CellText() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                  com.fasterxml.jackson.databind.DeserializationContext context) throws IOException {
            String cell = parser.getValueAsString();
            if (cell == null) {
                return null;
            }
            int start = 0;
            int end = cell.length();
            while (start < end && (cell.charAt(start) == ' ' || cell.charAt(start) == '\t')) {
                start++;
            }
            while (end > start && (cell.charAt(end - 1) == ' ' || cell.charAt(end - 1) == '\t')) {
                end--;
            }
            return start == end ? null : cell.substring(start, end);
        }

        @Override
        public String getNullValue(com.fasterxml.jackson.databind.DeserializationContext context) {
            return null;
        }
    }

    /**
     * @throws IOException when the header is missing or names a column the canonical CSV does not have:
     *                     then no record can be trusted
     */
    public Iterator<Record> read(InputStream input) throws IOException {
        // a UTF-8 byte order mark is skipped by Jackson's own encoding detection
        InputStream in = input;
        MappingIterator<CanonicalCsvRow> rows = mapper.readerFor(CanonicalCsvRow.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(in);
        CsvSchema header = (CsvSchema) rows.getParser().getSchema();
        List<String> unknown = new ArrayList<>();
        header.forEach(column -> {
            if (!KNOWN.contains(column.getName())) {
                unknown.add(column.getName());
            }
        });
        if (header.size() == 0 || !unknown.isEmpty()) {
            throw new IOException(header.size() == 0 ? "the CSV has no header row"
                    : "unknown CSV column(s) " + unknown + "; the columns are " + COLUMNS);
        }
        return new Iterator<>() {
            private long number;
            private boolean broken;

            @Override
            public boolean hasNext() {
                if (broken) {
                    return false;
                }
                try {
                    return rows.hasNextValue();
                } catch (IOException e) {
                    broken = true;
                    return false;
                }
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                number++;
                try {
                    return toRecord(number, rows.nextValue());
                } catch (IOException | RuntimeException unreadable) {
                    // past a row the parser cannot read, the position of the next one is unknown
                    broken = true;
                    return new Record(number, null, "unreadable row: " + unreadable.getMessage()
                            + "; the rest of the file was not read", null);
                }
            }
        };
    }

    private static final RecordComponent[] CELLS = CanonicalCsvRow.class.getRecordComponents();
    private static final String[] COLUMN_ORDER = CanonicalCsvRow.class.getAnnotation(JsonPropertyOrder.class).value();

    private static String cell(RecordComponent column, CanonicalCsvRow row) {
        try {
            return (String) column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static Record toRecord(long number, CanonicalCsvRow row) {
        List<String> problems = new ArrayList<>(0);
        // no control character or unpaired surrogate in any cell: refused, never cleaned up (docs/http-api.md)
        for (int i = 0; i < CELLS.length; i++) {
            String problem = TextRules.problemIn(cell(CELLS[i], row));
            if (problem != null) {
                problems.add(COLUMN_ORDER[i] + ": " + problem);
            }
        }
        CustomerStatus status = null;
        if (row.status() != null) {
            try {
                status = CustomerStatus.valueOf(row.status().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("status: '" + row.status() + "' is not one of " + Arrays.toString(CustomerStatus.values()));
            }
        }
        OffsetDateTime since = null;
        if (row.since() != null) {
            try {
                since = IsoDateTimes.read(row.since());
            } catch (DateTimeParseException e) {
                problems.add("since: '" + row.since() + "' is not an ISO-8601 date-time with offset");
            }
        }
        Integer merchantKey = null;
        if (row.merchantKey() != null) {
            try {
                if (!TextRules.isWholeNumberAsWritten(row.merchantKey())) {
                    throw new NumberFormatException("not as written");
                }
                merchantKey = Integer.valueOf(row.merchantKey());
            } catch (NumberFormatException e) {
                problems.add("merchant_key: '" + row.merchantKey() + "' is not a whole number");
            }
        }
        if (!problems.isEmpty()) {
            String readableId = TextRules.problemIn(row.customerId()) == null ? row.customerId() : null;
            return new Record(number, null, String.join("; ", problems), readableId);
        }
        Contact contact = allNull(row.firstName(), row.lastName(), row.jobTitle(), row.department(), row.email(),
                row.phone(), row.eveningPhone(), row.mobile(), row.fax()) ? null
                : new Contact(row.firstName(), row.lastName(), row.jobTitle(), row.department(), row.email(), row.phone(),
                row.eveningPhone(), row.mobile(), row.fax());
        Address shipping = address(row.shipLine1(), row.shipLine2(), row.shipLine3(), row.shipCity(), row.shipRegion(),
                row.shipPostalCode(), row.shipCountry());
        Address billing = address(row.billLine1(), row.billLine2(), row.billLine3(), row.billCity(), row.billRegion(),
                row.billPostalCode(), row.billCountry());
        return new Record(number, new Customer(row.customerId(), row.name(), status, since, row.locale(), merchantKey,
                contact, shipping, billing, null), null, row.customerId());
    }

    private static Address address(String line1, String line2, String line3, String city, String region,
                                   String postalCode, String country) {
        if (allNull(line1, line2, line3, city, region, postalCode, country)) {
            return null;
        }
        List<String> lines = new ArrayList<>(3);
        for (String line : new String[] {line1, line2, line3}) {
            if (line != null) {
                lines.add(line);
            }
        }
        return new Address(lines, city, region, postalCode, country);
    }

    private static boolean allNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }
}
