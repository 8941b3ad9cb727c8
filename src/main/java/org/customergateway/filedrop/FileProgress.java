package org.customergateway.filedrop;

import org.customergateway.json.TextRules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far one dropped file is: records done and failed, bytes read of its size, and from those the
 * rate and the time left. The total number of records is not known before the end of a stream, so
 * the estimate goes by bytes.
 */
public final class FileProgress {

    private final String file;
    private final String target;
    private final long size;
    private final Instant started = Instant.now();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private volatile Instant finished;

    public FileProgress(String file, String target, long size) {
        this.file = file;
        this.target = target;
        this.size = size;
    }

    public void recordDone(boolean ok) {
        records.incrementAndGet();
        if (!ok) {
            failed.incrementAndGet();
        }
    }

    /** One vendor's outcome for a record (a record for both vendors counts twice), as its report line says. */
    public void counted(String status) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** The report's lines so far by status: CREATED, ALREADY_EXISTS, INVALID, REJECTED, FAILED. */
    public Map<String, Long> getStatuses() {
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    public void bytesRead(long bytes) {
        bytesRead.set(bytes);
    }

    public void finish() {
        finished = Instant.now();
    }

    public String getFile() {
        return file;
    }

    public String getTarget() {
        return target;
    }

    public long getRecords() {
        return records.get();
    }

    public long getFailed() {
        return failed.get();
    }

    public long getBytesRead() {
        return bytesRead.get();
    }

    public long getSize() {
        return size;
    }

    public boolean isFinished() {
        return finished != null;
    }

    public Instant getStartedAt() {
        return started;
    }

    /** When the file was finished, or null while it is being read. */
    public Instant getFinishedAt() {
        return finished;
    }

    public double getPercent() {
        return size == 0 ? 100.0 : Math.min(100.0, 100.0 * bytesRead.get() / size);
    }

    public double getRecordsPerSecond() {
        double seconds = Math.max(0.001, elapsed().toMillis() / 1000.0);
        return records.get() / seconds;
    }

    /** Seconds left at the rate so far, or null before there is a rate. */
    public Long getSecondsLeft() {
        if (isFinished()) {
            return 0L;
        }
        long read = bytesRead.get();
        if (read == 0) {
            return null;
        }
        double seconds = elapsed().toMillis() / 1000.0;
        return Math.round(seconds * (size - read) / read);
    }

    @JsonIgnore
    public Duration elapsed() {
        return Duration.between(started, finished != null ? finished : Instant.now());
    }

    public String describe() {
        Long left = getSecondsLeft();
        return String.format("%s (%s): %d records done, %d failed, %.1f%% of %d bytes, %.0f records/s, %s left",
                TextRules.loggable(file),
                target, getRecords(), getFailed(), getPercent(), size, getRecordsPerSecond(),
                left == null ? "unknown time" : left + " s");
    }
}
