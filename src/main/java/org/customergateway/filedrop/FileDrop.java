package org.customergateway.filedrop;

import io.vertx.core.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.customergateway.dispatch.CircuitGate;
import org.customergateway.dispatch.Continuations;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Target;
import org.customergateway.dispatch.UnreadableRequestException;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.TextRules;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.translation.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of routes/filedrop-source for a dropped file, record by record: each record read as it
 * streams by, handed to {@code direct:customer-dispatch} (by a bounded pool: a million rows take bounded
 * memory), and written to the file's report. A file that cannot be read gets a
 * {@code failed/<file>.error.txt} saying why.
 */
public final class FileDrop {

    private static final Logger LOG = LoggerFactory.getLogger(FileDrop.class);

    private final RecordReaders readers;
    private final Translator translator;
    private final DeadLetterStore deadLetters;
    private final CircuitGate circuits;
    private final FailedFiles failed;
    private final Path root;
    private final FileDropStatus status;
    /** Places for records in flight, over every file being read: gateway.filedrop.parallelism. */
    private final Semaphore inFlight;
    private final Continuations continuations;

    public FileDrop(RecordReaders readers, Translator translator, DeadLetterStore deadLetters, CircuitGate circuits,
                    Path root, FileDropStatus status, int recordsInFlight, Continuations continuations) {
        this.inFlight = new Semaphore(recordsInFlight);
        this.continuations = continuations;
        this.readers = readers;
        this.circuits = circuits;
        this.deadLetters = deadLetters;
        this.failed = new FailedFiles(root.resolve("failed"), status);
        this.translator = translator;
        this.root = root;
        this.status = status;
    }

    /**
     * The file being read, between the steps of routes/filedrop-source, what it looked like when opened, and
     * the event loop its records go on on.
     */
    private record Job(String name, Target target, FileProgress progress, FileReport report, InputStream in,
                       Path file, long size, FileTime modified, Context eventLoop) {
    }

    private static final String JOB = "GatewayFileJob";
    private static final String RECORD = "GatewayFileRecord";

    /**
     * Opens the dropped file ({@code CamelFileAbsolutePath}, its target in {@code GatewayFileTarget}) for
     * its records, one at a time as they stream by; throwing leaves the file to be moved to {@code failed/}.
     */
    public Iterator<FileRecord> open(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String name = file.getFileName().toString();
        Target target = Target.parse(exchange.getMessage().getHeader("GatewayFileTarget", String.class));
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
        InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                progress::bytesRead);
        Job job = new Job(name, target, progress, new FileReport(root.resolve("reports").resolve(name + ".report.csv")), in,
                file, Files.size(file), Files.getLastModifiedTime(file), continuations.anEventLoop());
        exchange.setProperty(JOB, job);
        try {
            return paced(readers.read(in, format), target);
        } catch (IOException | RecordReaders.UnreadableFileException | java.io.UncheckedIOException unreadable) {
            // its header or its first bytes already say it is no file of customers
            writeError(name, unreadable);
            close(exchange);
            throw new IOException("file " + name + " cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * The file's records, each handed out once it has a place among the records in flight (released by
     * {@link #recordDone}) and while its target's circuits let it through: while one is open, the
     * reading of this file waits before the next record (rather than make the rest of the file dead
     * letters). Both waits are on the reading step, never on a record's thread: a file for a healthy
     * vendor is dispatched meanwhile.
     */
    private Iterator<FileRecord> paced(Iterator<FileRecord> records, Target target) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public FileRecord next() {
                FileRecord record = records.next();
                try {
                    if (record.isReadable()) {
                        circuits.awaitClosed(target);
                    }
                    inFlight.acquire();
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped while waiting to dispatch a record", stopping);
                }
                return record;
            }
        };
    }

    /**
     * From here on the record goes on on its file's event loop after each wait: all of a file's records on
     * one loop (several files share the loops out), none of whose further steps blocks.
     */
    public void onItsFilesEventLoop(Exchange exchange) {
        Continuations.onEventLoop(exchange, job(exchange).eventLoop());
    }

    /** A record's place among those in flight is free again, whatever became of it. */
    public void recordDone() {
        inFlight.release();
    }

    /**
     * A record read into a dispatch request, keyed by its content (a file dropped again, or read again
     * after a crash, creates nothing twice). A record that could not be read goes no further: an
     * UnreadableRequestException, reported by {@link #invalid}.
     */
    public DispatchRequest request(Exchange exchange) {
        Job job = job(exchange);
        FileRecord record = exchange.getMessage().getBody(FileRecord.class);
        exchange.setProperty(RECORD, record);
        if (!record.isReadable()) {
            throw new UnreadableRequestException(record.error());
        }
        return new DispatchRequest(record.schema(), record.document(), job.target(), job.name() + "#" + record.number(),
                false, origin(job, record), null, true);
    }

    /** A record that could not be read, reported INVALID at once. */
    public void invalid(Exchange exchange) {
        Job job = job(exchange);
        FileRecord record = exchange.getProperty(RECORD, FileRecord.class);
        job.report().done(record.number(), List.of(FileReport.line(record.number(), record.readableCustomerId(),
                job.target().id(), OutcomeStatus.INVALID.name(), null, null, 0, record.readableCustomerId() == null
                        ? record.error() + " (no customer id could be read from this record)" : record.error())));
        job.progress().counted(OutcomeStatus.INVALID.name());
        job.progress().recordDone(false);
    }

    /** The record's result in the body, written to the file's report: one line per vendor. */
    public void report(Exchange exchange) {
        Job job = job(exchange);
        FileRecord record = exchange.getProperty(RECORD, FileRecord.class);
        DispatchResult result = exchange.getMessage().getBody(DispatchResult.class);
        boolean ok = true;
        List<String> lines = new ArrayList<>(result.outcomes().size());
        for (Outcome outcome : result.outcomes()) {
            lines.add(FileReport.line(record.number(), result.customerId(), outcome.vendor(), outcome.status().name(),
                    outcome.httpStatus(), outcome.vendorCustomerId(), outcome.attempts(), message(outcome, result.replayed())));
            ok &= outcome.status() == OutcomeStatus.CREATED || outcome.status() == OutcomeStatus.ALREADY_EXISTS;
            job.progress().counted(outcome.status().name());
        }
        job.report().done(record.number(), lines);
        job.progress().recordDone(ok);
    }

    /**
     * After the last record: a file whose size or modification time changed while it was read (a writer
     * was still at it when it seemed to have settled) fails, said why, instead of going to done/ half
     * read. Its records read so far are in its report; dropped again once complete, it creates only
     * the records not yet created (the ledger knows the others).
     */
    public void unchanged(Exchange exchange) throws IOException {
        // thrown into the route's catch for a file that cannot be read on: failed/, with this reason
        Job job = job(exchange);
        long size = Files.size(job.file());
        FileTime modified = Files.getLastModifiedTime(job.file());
        if (size != job.size() || !modified.equals(job.modified())) {
            throw new IOException("the file changed while it was read (" + job.size() + " bytes when "
                    + "it was opened, " + size + " at its end): it was still being written; drop it again once it is "
                    + "complete (its records already created are not created twice)");
        }
    }

    /**
     * The ledger could not be asked or told, or another live instance holds this record for too long:
     * the record is kept as a dead letter (a replay lets the vendors' duplicate checks decide) and reported.
     */
    public CompletionStage<Void> couldNotHandle(Exchange exchange) {
        // keeping the dead letter blocks: off the event loop the record's flow may be on
        return continuations.blocking(exchange, () -> {
            notHandled(exchange);
            return null;
        });
    }

    private void notHandled(Exchange exchange) {
        Job job = job(exchange);
        FileRecord record = exchange.getProperty(RECORD, FileRecord.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("file {} record {} could not be handled: {}", TextRules.loggable(job.name()), record.number(),
                TextRules.loggable(error.getMessage()));
        String customerId = customerId(record);
        String reason = "could not be handled: " + error.getMessage();
        job.report().done(record.number(), List.of(FileReport.line(record.number(), customerId, job.target().id(),
                OutcomeStatus.FAILED.name(), null, null, 0, reason + keepAsDeadLetter(record, job.target(),
                        origin(job, record), customerId, job.name() + "#" + record.number(), reason))));
        job.progress().counted(OutcomeStatus.FAILED.name());
        job.progress().recordDone(false);
    }

    /** The file could not be read on (it broke off mid-way): said in failed/<file>.error.txt, and the file fails. */
    public void unreadable(Exchange exchange) throws IOException {
        Job job = job(exchange);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        writeError(job.name(), error instanceof Exception e ? e : new IOException(error));
        throw new IOException("file " + job.name() + " cannot be read: " + error.getMessage(), error);
    }

    /** Whatever happened: the report is complete and closed, the file's status finished. */
    public void close(Exchange exchange) throws IOException {
        Job job = exchange.getProperty(JOB, Job.class);
        if (job == null) {
            return;
        }
        try (InputStream in = job.in(); FileReport report = job.report()) {
            status.finish(job.progress());
        }
    }

    private static Job job(Exchange exchange) {
        return exchange.getProperty(JOB, Job.class);
    }

    private static Origin origin(Job job, FileRecord record) {
        return new Origin("filedrop", BodyFormat.JSON.mediaType(), record.identity(),
                Map.of("file", job.name(), "record", String.valueOf(record.number())), null);
    }

    private String customerId(FileRecord record) {
        return translator.schema(record.schema()).toCanonical(record.document()).value().customerId();
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
            default -> {
                String warnings = String.join("; ", outcome.warnings() == null ? List.of() : outcome.warnings());
                // Syntch's 409 for a customer it already has carries no key: the report says why the id is empty
                yield outcome.vendorCustomerId() != null ? warnings : outcome.vendor() + " did not say its id for this "
                        + (outcome.status() == OutcomeStatus.ALREADY_EXISTS ? "customer it already had" : "customer")
                        + (outcome.httpStatus() == null ? "" : " (HTTP " + outcome.httpStatus() + ")")
                        + (warnings.isEmpty() ? "" : "; " + warnings);
            }
        };
        return replayed ? "already handled, answered from the ledger" + (text == null || text.isEmpty() ? "" : "; " + text)
                : text;
    }

    private void writeError(String name, Exception why) {
        failed.explain(name, why.getMessage());
    }
}
