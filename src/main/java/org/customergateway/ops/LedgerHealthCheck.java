package org.customergateway.ops;

import java.sql.Connection;
import javax.sql.DataSource;
import org.customergateway.ledger.LedgerWriter;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness: the ledger's database answers and its writer commits. Without them the gateway can
 * neither dedupe nor keep dead letters.
 */
public final class LedgerHealthCheck extends GatewayHealthCheck {

    private final DataSource dataSource;
    private final LedgerWriter writer;

    public LedgerHealthCheck(DataSource dataSource, LedgerWriter writer) {
        super("ledger");
        this.dataSource = dataSource;
        this.writer = writer;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        builder.detail("writer.queue.depth", writer.queueDepth());
        if (!writer.isRunning()) {
            builder.down().message("the ledger writer is not running");
            return;
        }
        if (writer.lastFailure() != null) {
            builder.down().message("the ledger's last commit failed: " + writer.lastFailure());
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                builder.up();
            } else {
                builder.down().message("the ledger database does not answer");
            }
        } catch (Exception e) {
            builder.down().message("the ledger database cannot be reached: " + e.getMessage());
        }
    }
}
