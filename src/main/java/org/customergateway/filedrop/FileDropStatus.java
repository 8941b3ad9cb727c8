package org.customergateway.filedrop;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files being read and the last ones finished, for {@code GET /api/v1/filedrop/status}, and a
 * progress line in the log for each file being read, every {@code gateway.filedrop.progress-seconds}.
 */
public final class FileDropStatus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropStatus.class);
    private static final int FINISHED_KEPT = 20;

    /** What the status endpoint answers: the files being read, the last finished, the last that failed. */
    public record Snapshot(List<FileProgress> active, List<FileProgress> finished, List<FailedFile> failed) {
    }

    /** A file moved to {@code failed/}, and why (as its {@code <file>.error.txt} says). */
    public record FailedFile(String file, String reason, Instant failedAt) {
    }

    private final Map<String, FileProgress> active = new ConcurrentHashMap<>();
    private final Deque<FileProgress> finished = new ArrayDeque<>();
    private final Deque<FailedFile> failed = new ArrayDeque<>();
    private final ScheduledExecutorService logger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "filedrop-progress");
        thread.setDaemon(true);
        return thread;
    });

    public FileDropStatus(long progressSeconds) {
        logger.scheduleAtFixedRate(() -> active.values().forEach(p -> LOG.info("file drop progress: {}", p.describe())),
                progressSeconds, progressSeconds, TimeUnit.SECONDS);
    }

    public FileProgress start(String file, String target, long size) {
        FileProgress progress = new FileProgress(file, target, size);
        active.put(target + "/" + file, progress);
        return progress;
    }

    public void finish(FileProgress progress) {
        progress.finish();
        active.remove(progress.getTarget() + "/" + progress.getFile());
        synchronized (finished) {
            finished.addFirst(progress);
            while (finished.size() > FINISHED_KEPT) {
                finished.removeLast();
            }
        }
        LOG.info("file drop finished: {}", progress.describe());
    }

    public void failed(String file, String reason) {
        synchronized (finished) {
            failed.addFirst(new FailedFile(file, reason, Instant.now()));
            while (failed.size() > FINISHED_KEPT) {
                failed.removeLast();
            }
        }
    }

    public Snapshot snapshot() {
        synchronized (finished) {
            return new Snapshot(List.copyOf(active.values()), List.copyOf(finished), List.copyOf(failed));
        }
    }

    @Override
    public void close() {
        logger.shutdownNow();
    }
}
