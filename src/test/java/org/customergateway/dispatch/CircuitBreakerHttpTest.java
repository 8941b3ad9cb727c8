package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/**
 * Syntch's circuit breaker over real HTTP, with a small window so it opens quickly, and one attempt per
 * customer so that every request the simulator counts is one the gateway chose to send: HttpClient's
 * own retries, were they on, would show here as extra requests.
 */
class CircuitBreakerHttpTest {

    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.retry.max-attempts", "1");
            // a window of the last 4 calls, so that the breaker's mechanics show in a few requests
            settings.putAll(TestVendors.breakerOverTheLastFourCalls(1));
            // one attempt per customer, a 429 too (it has a budget of its own): an attempt is one request
            settings.put("gateway.retry.rate-limited-max-attempts", "1");
            return settings;
        });

    @Test
    void one_attempt_is_one_request_even_on_503_and_429() {
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
        create(newId());
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.rateLimit(0));
        create(newId());
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(2);
        // two passes to keep the breaker closed for the next test
        create(newId());
        create(newId());
    }

    @Test
    void opens_after_repeated_failures_fails_fast_while_open_and_closes_again() throws Exception {
        for (int i = 0; i < 4; i++) {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
            create(newId());
        }
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);

        HttpResponse<String> whileOpen = create(newId());
        assertThat(json(whileOpen).at("/outcomes/0/status").asText()).isEqualTo("FAILED");
        assertThat(json(whileOpen).at("/outcomes/0/error").asText()).contains("circuit open");
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).as("nothing sent while open").isEqualTo(posts);
        // the vendor's own check says so; readiness is this instance's, and stays UP (docs/flow.md)
        assertThat(gateway.observe("/observe/health").body()).contains("circuit open");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.observe("/observe/health/ready").statusCode() == 200);

        String id = newId();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> create(id).statusCode() == 201);
        assertThat(vendors.syntch.customer(id)).isNotNull();
        assertThat(create(newId()).statusCode()).as("closed again").isEqualTo(201);
    }

    private HttpResponse<String> create(String id) {
        return gateway.post("/api/v1/customers", "application/json", customer(id), Map.of("X-Gateway-Target", "syntch"));
    }
}
