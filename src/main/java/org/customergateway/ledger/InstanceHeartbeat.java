package org.customergateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's row in {@code ledger_instance}, its heartbeat refreshed every {@code interval} while
 * it runs and removed when it stops cleanly. A killed instance's row goes stale, and what it had
 * claimed is taken over ({@link IdempotencyStore}).
 */
public final class InstanceHeartbeat extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final DataSource dataSource;
    private final String instanceId;
    private final Duration interval;
    private ScheduledExecutorService beat;

    public InstanceHeartbeat(DataSource dataSource, String instanceId, Duration interval) {
        this.dataSource = dataSource;
        this.instanceId = instanceId;
        this.interval = interval;
    }

    @Override
    protected void doStart() throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ledger_instance (instance_id, started_at, heartbeat_at) VALUES (?, ?, ?)")) {
            insert.setString(1, instanceId);
            insert.setLong(2, now);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
        beat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beat.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE ledger_instance SET heartbeat_at = ? WHERE instance_id = ?")) {
            update.setLong(1, System.currentTimeMillis());
            update.setString(2, instanceId);
            update.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // the ledger's own health check says so; the next beat tries again
            LOG.debug("ledger heartbeat failed: {}", e.getMessage());
        }
    }

    @Override
    protected void doStop() {
        if (beat != null) {
            beat.shutdownNow();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM ledger_instance WHERE instance_id = ?")) {
            delete.setString(1, instanceId);
            delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("ledger instance row not removed: {}", e.getMessage());
        }
    }
}
