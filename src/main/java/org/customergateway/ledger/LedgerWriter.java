package org.customergateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: every write of the ledger's hot path (a claim, a result, a release) goes through this
 * one writer, which takes whatever is waiting (up to {@code maxBatch}: what queued while the previous
 * commit ran, and what arrives within {@code linger} of the first), runs it in one transaction and
 * completes each caller only after that commit. The commit, not the row, is what costs: measured, one commit per customer held creates to a
 * few hundred per second (BENCHMARKS.md).
 * <p>
 * Work in a batch runs in key order, so that two instances sharing PostgreSQL take row locks in the same
 * order and cannot deadlock; the primary key still decides which instance dispatches a key. Should one
 * piece of work fail, the batch is rolled back and each piece runs again in a transaction of its own,
 * so that one bad write fails alone.
 * <p>
 * The writer keeps its connection, and every statement its work prepares, from one batch to the next:
 * preparing a statement costs SQLite more than running it (profiled: BENCHMARKS.md, session 8). A batch
 * that fails with the connection itself (closed, broken) starts the next on a new one.
 */
public final class LedgerWriter extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);

    /** One piece of work on the writer's connection, inside its transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Statements statements) throws SQLException;
    }

    /** The writer's statements: prepared on first use, kept for the connection's life; never closed by work. */
    public interface Statements {
        PreparedStatement prepared(String sql) throws SQLException;
    }

    /** The writer's connection and the statements prepared on it. */
    private static final class Session implements Statements, AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Session(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
        }

        @Override
        public PreparedStatement prepared(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        @Override
        public void close() {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection: the pool checks it and makes another
            }
        }
    }

    /** What the writer did lately, for metrics and health. */
    public interface Listener {
        void committed(int batchSize, long commitNanos);
    }

    private record Task<T>(String key, Work<T> work, CompletableFuture<T> done) {
    }

    private final DataSource dataSource;
    private final int maxBatch;
    private final long lingerNanos;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    /** Work that wakes nobody ({@link #submitUnhurried}); taken into every batch, before the others. */
    private final Queue<Task<?>> unhurried = new ConcurrentLinkedQueue<>();
    /** How long the writer sleeps when nobody waits for it: unhurried work waits at most this long. */
    private static final long IDLE_MILLIS = 100;
    private final long idleMillis;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile Listener listener = (size, nanos) -> { };
    private volatile boolean running;
    /** The writer thread's own: how many writes its last batch held. */
    private int lastBatchSize;
    private Thread thread;
    /** The writer thread's own; null until the first batch, and again after a connection failed. */
    private Session session;

    public LedgerWriter(DataSource dataSource, int maxBatch, Duration linger) {
        this(dataSource, maxBatch, linger, Duration.ofMillis(IDLE_MILLIS));
    }

    /** With another idle time: a test that must see unhurried work wait for the next batch, whatever the machine's pace. */
    LedgerWriter(DataSource dataSource, int maxBatch, Duration linger, Duration idle) {
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.idleMillis = idle.toMillis();
    }

    public void listener(Listener newListener) {
        this.listener = newListener;
    }

    /** Runs {@code work} in the next batch; returns once its batch is committed. */
    public <T> T write(String key, Work<T> work) throws SQLException {
        CompletableFuture<T> done = submit(key, work);
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the ledger", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        }
    }

    /**
     * Queues {@code work} for the next batch without waiting: for a write whose caller need not know
     * that it is committed before going on. The future completes after the commit (or with its failure).
     */
    public <T> CompletableFuture<T> submit(String key, Work<T> work) {
        return enqueue(queue, key, work);
    }

    /**
     * Queues {@code work} without waking the writer: it is committed with the next batch that someone
     * waits for (a create's result, which follows its remembered customer at once), or at the latest
     * after {@value #IDLE_MILLIS} ms. A write of its own would cost a commit of its own: for a customer
     * remembered, a third commit per create.
     */
    public <T> CompletableFuture<T> submitUnhurried(String key, Work<T> work) {
        return enqueue(unhurried, key, work);
    }

    private <T> CompletableFuture<T> enqueue(Queue<Task<?>> into, String key, Work<T> work) {
        Task<T> task = new Task<>(key, work, new CompletableFuture<>());
        if (!running) {
            task.done().completeExceptionally(new SQLException("the ledger writer is not running"));
            return task.done();
        }
        into.add(task);
        return task.done();
    }

    /** Writes waiting for the next commit. */
    public int queueDepth() {
        return queue.size() + unhurried.size();
    }

    /** Why the last batch failed, or null when it committed. */
    public String lastFailure() {
        return lastFailure.get();
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    @Override
    protected void doStart() {
        running = true;
        thread = new Thread(this::loop, "ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
        for (Task<?> left; (left = queue.poll()) != null || (left = unhurried.poll()) != null; ) {
            left.done().completeExceptionally(new SQLException("the ledger writer stopped"));
        }
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Task<?> first = queue.poll(idleMillis, TimeUnit.MILLISECONDS);
                // the unhurried first: a key's work stays in the order it was given
                takeUnhurried(batch);
                if (first != null) {
                    batch.add(first);
                    gather(batch);
                }
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // never leave a caller waiting
                batch.forEach(task -> task.done().completeExceptionally(e));
                LOG.error("the ledger writer failed a batch", e);
            } finally {
                batch.clear();
            }
        }
        // what was given unhurried before the stop is still written
        Thread.interrupted();
        takeUnhurried(batch);
        if (!batch.isEmpty()) {
            commit(batch);
        }
        dropSession();
    }

    private void takeUnhurried(List<Task<?>> batch) {
        for (Task<?> next; batch.size() < maxBatch && (next = unhurried.poll()) != null; ) {
            batch.add(next);
        }
    }

    /**
     * Whatever else is waiting, and what arrives within the linger, up to a full batch. The linger is
     * waited only while writes come from several callers at once (the last batch held more than one):
     * a lone caller would only wait for company that never comes.
     */
    private void gather(List<Task<?>> batch) throws InterruptedException {
        queue.drainTo(batch, maxBatch - batch.size());
        boolean crowded = lastBatchSize > 1 || batch.size() > 1;
        lastBatchSize = batch.size();
        if (!crowded) {
            return;
        }
        long deadline = System.nanoTime() + lingerNanos;
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Task<?> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
        lastBatchSize = batch.size();
        batch.sort(Comparator.comparing(Task::key));
    }

    private void commit(List<Task<?>> batch) {
        long started = System.nanoTime();
        try {
            if (session == null) {
                session = new Session(dataSource.getConnection());
            }
            Object[] results = new Object[batch.size()];
            try {
                for (int i = 0; i < batch.size(); i++) {
                    results[i] = batch.get(i).work().apply(session);
                }
            } catch (SQLException | RuntimeException oneFailed) {
                session.connection.rollback();
                oneByOne(batch);
                return;
            }
            session.connection.commit();
            lastFailure.set(null);
            listener.committed(batch.size(), System.nanoTime() - started);
            for (int i = 0; i < batch.size(); i++) {
                complete(batch.get(i), results[i]);
            }
        } catch (SQLException | RuntimeException e) {
            lastFailure.set(e.getMessage());
            batch.forEach(task -> task.done().completeExceptionally(e));
            dropSession();
        }
    }

    /** After a failure of the connection itself: the next batch starts on a new one. */
    private void dropSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object result) {
        task.done().complete((T) result);
    }

    private void oneByOne(List<Task<?>> batch) {
        for (Task<?> task : batch) {
            try {
                Object result = task.work().apply(session);
                session.connection.commit();
                complete(task, result);
            } catch (SQLException | RuntimeException e) {
                try {
                    session.connection.rollback();
                } catch (SQLException broken) {
                    task.done().completeExceptionally(e);
                    batch.stream().filter(t -> !t.done().isDone())
                            .forEach(t -> t.done().completeExceptionally(broken));
                    dropSession();
                    return;
                }
                task.done().completeExceptionally(e);
            }
        }
    }
}
