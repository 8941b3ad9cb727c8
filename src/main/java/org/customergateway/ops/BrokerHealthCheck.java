package org.customergateway.ops;

import java.time.Duration;
import java.time.Instant;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of the message broker, when the queue entry is on: a JMS connection can be opened (and is
 * closed at once). Camel's own consumer check stays UP while its listener retries a dead broker, so
 * this asks the broker itself; the answer is kept for {@code ttl}.
 */
public final class BrokerHealthCheck extends GatewayHealthCheck {

    /** The broker and the credentials the gateway connects with (null user and password: none). */
    public record Broker(String url, String user, String password) {
    }

    private final Broker broker;
    private final Duration ttl;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile String failure;

    public BrokerHealthCheck(Broker broker, Duration ttl) {
        super("broker");
        this.broker = broker;
        this.ttl = ttl;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        if (Instant.now().isAfter(checkedAt.plus(ttl))) {
            failure = connect();
            checkedAt = Instant.now();
        }
        if (failure == null) {
            builder.up();
        } else {
            builder.down().message(failure);
        }
    }

    private String connect() {
        String separator = broker.url().contains("?") ? "&" : "?";
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                broker.url() + separator + "initialConnectAttempts=1&reconnectAttempts=0&callTimeout=2000",
                broker.user(), broker.password());
             var connection = factory.createConnection()) {
            return null;
        } catch (Exception e) {
            return "the broker cannot be reached: " + e.getMessage();
        }
    }
}
