package org.customergateway.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * One vendor's state, a check of its own in {@code /observe/health}: its circuit breaker is not open,
 * and its host can be reached at all (a TCP connect, no request, so nothing is created and no rate
 * limit spent). It is neither liveness nor readiness (docs/flow.md): a vendor outage is the same for every
 * instance, and must not take them all out of their load balancer at once. The connect's answer is kept
 * for {@code ttl}, so a load balancer polling health every second does not become traffic at the vendor.
 */
public final class VendorHealthCheck extends GatewayHealthCheck {

    private final String breaker;
    private final Supplier<MeterRegistry> meters;
    private final String host;
    private final int port;
    private final Duration ttl;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile String failure;

    public VendorHealthCheck(String vendor, String baseUrl, Duration ttl, Supplier<MeterRegistry> meters) {
        super("vendor-" + vendor);
        this.breaker = vendor + "-circuit-breaker";
        this.meters = meters;
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        this.ttl = ttl;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        if (Instant.now().isAfter(checkedAt.plus(ttl))) {
            failure = connect();
            checkedAt = Instant.now();
        }
        builder.detail("host", host + ":" + port);
        if (circuitOpen()) {
            builder.down().message("circuit open: the vendor failed too often lately");
        } else if (failure == null) {
            builder.up();
        } else {
            builder.down().message(failure);
        }
    }

    /** The breaker's state as camel-resilience4j publishes it (resilience4j_circuitbreaker_state). */
    private boolean circuitOpen() {
        MeterRegistry registry = meters.get();
        if (registry == null) {
            return false;
        }
        Gauge open = registry.find("resilience4j.circuitbreaker.state").tag("name", breaker).tag("state", "open").gauge();
        return open != null && open.value() == 1.0;
    }

    private String connect() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return null;
        } catch (IOException e) {
            return host + ":" + port + " cannot be reached: " + e.getMessage();
        }
    }
}
