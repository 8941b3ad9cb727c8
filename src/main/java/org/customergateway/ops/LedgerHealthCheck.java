package org.customergateway.ops;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the ledger's database answers. Without it the gateway can neither dedupe nor keep dead letters. */
public final class LedgerHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public LedgerHealthCheck(DataSource dataSource) {
        super("gateway", "ledger");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
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
