package org.customergateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's size follows what it holds, not how much went through it (docs/configuration.md): in the background,
 * every {@code interval}, expired idempotency records (created longer ago than the TTL set now) are deleted, and dead letters replayed or
 * discarded more than {@code deadLetterRetention} ago; a waiting dead letter never. Deletes go in small
 * batches through the {@link LedgerWriter}, each its own short transaction, so that customers in flight
 * never wait long behind a purge. On SQLite the freed pages are then given back to the file system
 * (incremental vacuum), so that the file shrinks as well.
 */
public final class LedgerRetention extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerRetention.class);
    static final int BATCH = 500;

    private final LedgerWriter writer;
    private final DataSource dataSource;
    private final boolean sqlite;
    private final Duration interval;
    private final Duration deadLetterRetention;
    private final Duration idempotencyTtl;
    private ScheduledExecutorService schedule;

    /** @param idempotencyTtl gateway.idempotency.ttl-hours as set now: a record created longer ago than that goes */
    public LedgerRetention(LedgerWriter writer, LedgerDatabase database, Duration interval, Duration deadLetterRetention,
                           Duration idempotencyTtl) {
        this.writer = writer;
        this.idempotencyTtl = idempotencyTtl;
        this.dataSource = database.dataSource();
        this.sqlite = database.isEmbedded();
        this.interval = interval;
        this.deadLetterRetention = deadLetterRetention;
    }

    @Override
    protected void doStart() {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-retention");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::purgeQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("ledger purge failed, trying again in {} s: {}", interval.toSeconds(), e.getMessage());
        }
    }

    /** One pass: everything past its time, batch by batch; then the file is given back its free pages. */
    public long purge() throws SQLException {
        long now = System.currentTimeMillis();
        long removed = 0;
        removed += inBatches("DELETE FROM idempotency_record WHERE idem_key IN (SELECT idem_key FROM idempotency_record "
                + "WHERE created_at < ? LIMIT " + BATCH + ")", now - idempotencyTtl.toMillis());
        removed += inBatches("DELETE FROM dead_letter WHERE id IN (SELECT id FROM dead_letter "
                + "WHERE state IN ('REPLAYED', 'DISCARDED') AND replayed_at < ? LIMIT " + BATCH + ")",
                now - deadLetterRetention.toMillis());
        if (removed > 0 && sqlite) {
            giveBackFreePages();
        }
        if (removed > 0) {
            LOG.debug("ledger purge removed {} rows", removed);
        }
        return removed;
    }

    private long inBatches(String delete, long before) throws SQLException {
        long total = 0;
        while (true) {
            int removed = writer.write("~purge", statements -> {
                PreparedStatement statement = statements.prepared(delete);
                statement.setLong(1, before);
                return statement.executeUpdate();
            });
            total += removed;
            if (removed < BATCH) {
                return total;
            }
        }
    }

    /** SQLite keeps freed pages for reuse; with incremental auto-vacuum they can be handed back. */
    private void giveBackFreePages() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // the pragma frees one page per step: the JDBC driver's execute() takes a single step,
            // executeUpdate() runs it to the end
            statement.executeUpdate("PRAGMA incremental_vacuum");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
