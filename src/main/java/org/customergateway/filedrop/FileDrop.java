package org.customergateway.filedrop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.TextRules;
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
    private final Path root;
    private final int parallelism;
    private final FileDropStatus status;

    public FileDrop(RecordReaders readers, LedgeredDispatch dispatch, Path root, int parallelism, FileDropStatus status) {
        this.readers = readers;
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
            report.line(record.number(), null, target.id(), OutcomeStatus.INVALID.name(), null, null, 0, record.error());
            progress.recordDone(false);
            return;
        }
        Origin origin = new Origin("filedrop", BodyFormat.JSON.mediaType(), record.identity(),
                Map.of("file", file, "record", String.valueOf(record.number())), null);
        try {
            Idempotency.Answer answer = dispatch.dispatch(record.schema(), record.document(), target, null,
                    file + "#" + record.number(), false, origin);
            DispatchResult result = answer.result();
            boolean ok = true;
            for (Outcome outcome : result.outcomes()) {
                report.line(record.number(), result.customerId(), outcome.vendor(), outcome.status().name(),
                        outcome.httpStatus(), outcome.vendorCustomerId(), outcome.attempts(), message(outcome, result.replayed()));
                ok &= outcome.status() == OutcomeStatus.CREATED || outcome.status() == OutcomeStatus.ALREADY_EXISTS;
            }
            progress.recordDone(ok);
        } catch (RuntimeException e) {
            LOG.warn("file {} record {} could not be handled: {}", TextRules.loggable(file), record.number(),
                    TextRules.loggable(e.getMessage()));
            report.line(record.number(), null, target.id(), OutcomeStatus.FAILED.name(), null, null, 0, e.getMessage());
            progress.recordDone(false);
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
        try {
            Path failed = Files.createDirectories(root.resolve("failed"));
            Files.writeString(failed.resolve(name + ".error.txt"), "The file " + name + " could not be read: "
                    + why.getMessage() + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("cannot write the error file for {}", TextRules.loggable(name), e);
        }
    }
}
