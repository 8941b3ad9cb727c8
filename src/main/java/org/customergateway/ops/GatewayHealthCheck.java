package org.customergateway.ops;

import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * One of the gateway's health checks, on Camel's public health API: group {@code gateway}, its id, a
 * readiness check unless it says otherwise, never a liveness one (a dependency down is no reason to
 * restart the gateway). A check that throws is DOWN with its error.
 */
abstract class GatewayHealthCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    GatewayHealthCheck(String id) {
        this.id = id;
    }

    /** Says UP or DOWN (and why) on {@code builder}. */
    protected abstract void check(HealthCheckResultBuilder builder);

    @Override
    public final Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        if (!enabled) {
            return builder.unknown().message("disabled").build();
        }
        try {
            check(builder);
        } catch (RuntimeException e) {
            builder.down().error(e).message(e.getMessage());
        }
        return builder.build();
    }

    @Override
    public String getGroup() {
        return "gateway";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
