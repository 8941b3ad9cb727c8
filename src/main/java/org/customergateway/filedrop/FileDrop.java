package org.customergateway.filedrop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.TextRules;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.Idempotency;
import org.customergateway.ledger.LedgeredDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dropped file, record by record: each record read as it streams by, dispatched through the ledger
 * by a bounded pool (so a million rows take bounded memory), and written to the file's report. Each
 * record is keyed by its content, so a file dropped again, or read again after a crash, creates
 * nothing twice. A file that cannot be read gets a {@code failed/<file>.error.txt} saying why.
 */
public final class FileDrop {

    private static final Logger LOG = LoggerFactory.getLogger(FileDrop.class);

    private final RecordReaders readers;
    private final LedgeredDispatch dispatch;
    private final DeadLetterStore deadLetters;
    private final CircuitGate circuits;
    private final FailedFiles failed;
    private final Path root;
    private final int parallelism;
    private final FileDropStatus status;

    public FileDrop(RecordReaders readers, LedgeredDispatch dispatch, DeadLetterStore deadLetters, CircuitGate circuits,
                    Path root, int parallelism, FileDropStatus status) {
        this.readers = readers;
        this.circuits = circuits;
        this.deadLetters = deadLetters;
        this.failed = new FailedFiles(root.resolve("failed"));
        this.dispatch = dispatch;
        this.root = root;
        this.parallelism = parallelism;
        this.status = status;
    }

    /** Called by the file-drop routes; throwing leaves the file to be moved to {@code failed/}. */
    public void ingest(String absolutePath, String targetId) throws IOException, InterruptedException {
        Path file = Path.of(absolutePath);
        String name = file.getFileName().toString();
        Target target = Target.parse(targetId);
        BodyFormat format;
        try {
            format = RecordReaders.formatOf(name);
        } catch (IOException notOurs) {
            writeError(name, notOurs);
            throw notOurs;
        }
        if (Files.size(file) == 0) {
            IOException empty = new IOException("the file is empty");
            writeError(name, empty);
            throw empty;
        }
        FileProgress progress = status.start(name, target.id(), Files.size(file));
        try (InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                progress::bytesRead);
             FileReport report = new FileReport(root.resolve("reports").resolve(name + ".report.csv"))) {
            Iterator<FileRecord> records = readers.read(in, format);
            ThreadPoolExecutor pool = boundedPool();
            try {
                while (records.hasNext()) {
                    FileRecord record = records.next();
                    pool.execute(() -> handle(record, target, name, report, progress));
                }
            } finally {
                pool.shutdown();
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            }
        } catch (IOException | RecordReaders.UnreadableFileException | UncheckedIOException unreadable) {
            writeError(name, unreadable);
            throw new IOException("file " + name + " cannot be read: " + unreadable.getMessage(), unreadable);
        } finally {
            status.finish(progress);
        }
    }

    private void handle(FileRecord record, Target target, String file, FileReport report, FileProgress progress) {
        if (!record.isReadable()) {
            report.done(record.number(), List.of(FileReport.line(record.number(), null, target.id(),
                    OutcomeStatus.INVALID.name(), null, null, 0, record.error())));
            progress.recordDone(false);
            return;
        }
        Origin origin = new Origin("filedrop", BodyFormat.JSON.mediaType(), record.identity(),
                Map.of("file", file, "record", String.valueOf(record.number())), null);
        String correlationId = file + "#" + record.number();
        try {
            // a vendor whose circuit is open: wait for it rather than make the rest of the file dead letters
            circuits.awaitClosed(target);
            Idempotency.Answer answer = dispatch.dispatch(record.schema(), record.document(), target, null,
                    correlationId, false, origin);
            DispatchResult result = answer.result();
            boolean ok = true;
            List<String> lines = new ArrayList<>(result.outcomes().size());
            for (Outcome outcome : result.outcomes()) {
                lines.add(FileReport.line(record.number(), result.customerId(), outcome.vendor(), outcome.status().name(),
                        outcome.httpStatus(), outcome.vendorCustomerId(), outcome.attempts(), message(outcome, result.replayed())));
                ok &= outcome.status() == OutcomeStatus.CREATED || outcome.status() == OutcomeStatus.ALREADY_EXISTS;
            }
            report.done(record.number(), lines);
            progress.recordDone(ok);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for a vendor's circuit to close", stopping);
        } catch (RuntimeException e) {
            // the ledger could not be asked or told, or another live instance holds this record for too long:
            // the record is kept as a dead letter (a replay lets the vendors' duplicate checks decide)
            LOG.warn("file {} record {} could not be handled: {}", TextRules.loggable(file), record.number(),
                    TextRules.loggable(e.getMessage()));
            String customerId = dispatch.customerId(record.schema(), record.document());
            String reason = "could not be handled: " + e.getMessage();
            report.done(record.number(), List.of(FileReport.line(record.number(), customerId, target.id(),
                    OutcomeStatus.FAILED.name(), null, null, 0, reason + keepAsDeadLetter(record, target, origin,
                            customerId, correlationId, reason))));
            progress.recordDone(false);
        }
    }

    private String keepAsDeadLetter(FileRecord record, Target target, Origin origin, String customerId,
                                    String correlationId, String reason) {
        try {
            return " (dead letter " + deadLetters.store(origin.wayIn(), target.id(), record.schema().id(),
                    origin.contentType(), origin.body(), origin.headers(), customerId, correlationId, reason, 0) + ")";
        } catch (SQLException | RuntimeException e) {
            LOG.error("file {} record {} could not be kept as a dead letter either: {}", TextRules.loggable(origin
                    .headers().get("file")), record.number(), TextRules.loggable(e.getMessage()));
            return "; and it could not be kept as a dead letter: " + e.getMessage();
        }
    }

    private static String message(Outcome outcome, boolean replayed) {
        String text = switch (outcome.status()) {
            case INVALID, REJECTED -> outcome.violations().isEmpty() ? outcome.error()
                    : outcome.violations().stream().map(Object::toString).collect(Collectors.joining("; "));
            case FAILED -> outcome.error() + (outcome.deadLetterId() == null ? "" : " (dead letter " + outcome.deadLetterId() + ")");
            default -> String.join("; ", outcome.warnings() == null ? List.of() : outcome.warnings());
        };
        return replayed ? "already handled, answered from the ledger" + (text == null || text.isEmpty() ? "" : "; " + text)
                : text;
    }

    /** Full queue: the reading thread runs the record itself, which holds reading back to the pool's pace. */
    private ThreadPoolExecutor boundedPool() {
        return new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(parallelism * 4), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private void writeError(String name, Exception why) {
        failed.explain(name, why.getMessage());
    }
}
