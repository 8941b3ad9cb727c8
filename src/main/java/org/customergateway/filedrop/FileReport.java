package org.customergateway.filedrop;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code reports/<file>.report.csv}: one line per record and vendor, in the order records finish. Cells
 * are quoted per RFC 4180, and a cell a spreadsheet would run as a formula (starting with =, +, - or @)
 * is prefixed with an apostrophe, so a hostile customer name cannot become a formula in someone's Excel.
 */
public final class FileReport implements Closeable {

    public static final String HEADER = "record,customer_id,target,status,http_status,vendor_customer_id,attempts,message";

    private final BufferedWriter writer;

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

    public synchronized void line(long record, String customerId, String target, String status, Integer httpStatus,
                                  String vendorCustomerId, Integer attempts, String message) {
        try {
            writer.write(String.join(",", String.valueOf(record), cell(customerId), cell(target), cell(status),
                    httpStatus == null ? "" : httpStatus.toString(), cell(vendorCustomerId),
                    attempts == null ? "" : attempts.toString(), cell(message)));
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
