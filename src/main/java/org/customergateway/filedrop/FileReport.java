package org.customergateway.filedrop;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code reports/<file>.report.csv}: one line per record and vendor, in record order (docs/file-drop.md). Records
 * finish out of order (several are dispatched at once), so a record's lines wait here until every
 * record before it is written; the wait is bounded by the records in flight. Cells
 * are quoted per RFC 4180, and a cell a spreadsheet would run as a formula (starting with =, +, - or @)
 * is prefixed with an apostrophe, so a hostile customer name cannot become a formula in someone's Excel.
 */
public final class FileReport implements Closeable {

    public static final String HEADER = "record,customer_id,target,status,http_status,vendor_customer_id,attempts,message";

    private final BufferedWriter writer;
    /** Lines of records that finished before an earlier one, by record number. */
    private final java.util.TreeMap<Long, List<String>> waiting = new java.util.TreeMap<>();
    private long nextRecord = 1;

    public FileReport(Path file) {
        try {
            Files.createDirectories(file.getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            writer.write(HEADER);
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
    }

    /** One line of a record's report; {@link #done} says that the record has no more. */
    public static String line(long record, String customerId, String target, String status, Integer httpStatus,
                              String vendorCustomerId, Integer attempts, String message) {
        return String.join(",", String.valueOf(record), cell(customerId), cell(target), cell(status),
                httpStatus == null ? "" : httpStatus.toString(), cell(vendorCustomerId),
                attempts == null ? "" : attempts.toString(), cell(message));
    }

    /** Record {@code record} is finished with these lines: written now, or once the records before it are. */
    public synchronized void done(long record, List<String> lines) {
        waiting.put(record, lines);
        try {
            while (!waiting.isEmpty() && waiting.firstKey() == nextRecord) {
                for (String line : waiting.pollFirstEntry().getValue()) {
                    writer.write(line);
                    writer.write("\r\n");
                }
                nextRecord++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records not written because one before them never finished (only after a failure mid-file). */
    public synchronized int unwritten() {
        return waiting.size();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
