package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.json.Codecs;

/**
 * {@code GET /api/v1/filedrop/status}: the files being read (records, rate, time left), the last
 * finished and the last failed; {@code GET /api/v1/filedrop/reports/{file}}: a file's report, as the
 * file drop wrote it to {@code reports/<file>.report.csv}.
 */
public final class FileDropStatusEndpoint {

    private final FileDropStatus status;
    private final Path reports;
    private final Codecs codecs;

    public FileDropStatusEndpoint(FileDropStatus status, Path reports, Codecs codecs) {
        this.status = status;
        this.reports = reports.toAbsolutePath().normalize();
        this.codecs = codecs;
    }

    public void status(Message message) throws JsonProcessingException {
        HttpReply.write(message, 200, "application/json", codecs.json(), status.snapshot());
    }

    /** The report of the file named in the path; only a file's own name, never a path out of reports/. */
    public void report(Message message) {
        String file = message.getHeader("file", String.class);
        // a name no file system has (a NUL, a control character) is not a report either: a 404, not a 500
        Path report = file == null || file.isBlank() || file.contains("/") || file.contains("\\") || file.startsWith(".")
                || file.chars().anyMatch(Character::isISOControl) ? null : reports.resolve(file + ".report.csv").normalize();
        if (report == null || !reports.equals(report.getParent()) || !Files.isRegularFile(report)) {
            throw new ProblemException(Problem.of(404, "report-not-found", "Not found",
                    "no report for a file named " + file + " in this gateway's reports/"));
        }
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
        message.setHeader("Content-Disposition", "attachment; filename=\"" + report.getFileName().toString()
                .replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        // sent from disk as it is (HttpAnswer): a report holds a line per record
        message.setBody(report.toFile());
    }
}
