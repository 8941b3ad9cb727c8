package org.customergateway.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one vendor: can its host be reached at all (a TCP connect, no request, so nothing is
 * created and no rate limit spent). The answer is kept for {@code ttl}, so a load balancer polling
 * health every second does not become traffic at the vendor.
 */
public final class VendorHealthCheck extends AbstractHealthCheck {

    private final String host;
    private final int port;
    private final Duration ttl;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile String failure;

    public VendorHealthCheck(String vendor, String baseUrl, Duration ttl) {
        super("gateway", "vendor-" + vendor);
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        this.ttl = ttl;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (Instant.now().isAfter(checkedAt.plus(ttl))) {
            failure = connect();
            checkedAt = Instant.now();
        }
        builder.detail("host", host + ":" + port);
        if (failure == null) {
            builder.up();
        } else {
            builder.down().message(failure);
        }
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
