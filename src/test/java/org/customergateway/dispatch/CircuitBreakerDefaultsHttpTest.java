package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The circuit breaker with the shipped thresholds (docs/flow.md: at least half of at least 20 calls in 30 s;
 * only the vendor failing counts): one customer's retried faults, rate limits and refusals never open
 * it for everyone; a vendor that truly fails does open it. Each case on a gateway of its own, so that
 * the window holds only its calls.
 */
class CircuitBreakerDefaultsHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @Test
    void one_customers_retried_faults_do_not_open_the_circuit_for_the_next_customer() throws Exception {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, 6);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503), Fault.status(503),
                Fault.rateLimit(0), Fault.drop());
        HttpResponse<String> first = create(gateway, newId());
        assertThat(json(first).at("/outcomes/0/status").asText()).as(first.body()).isEqualTo("CREATED");
        assertThat(json(first).at("/outcomes/0/attempts").asInt()).isEqualTo(6);
        HttpResponse<String> next = create(gateway, newId());
        assertThat(json(next).at("/outcomes/0/status").asText()).as(next.body()).isEqualTo("CREATED");
        assertThat(json(next).at("/outcomes/0/attempts").asInt()).isEqualTo(1);
        assertThat(gateway.observe("/observe/metrics").body())
                .contains("resilience4j_circuitbreaker_state{name=\"syntch-circuit-breaker\",state=\"closed\"} 1.0");
    }

    @Test
    void rate_limits_and_refusals_never_open_the_circuit() throws Exception {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, 1);
        for (int i = 0; i < 25; i++) {
            vendors.syntch.server().inject(POST_CUSTOMERS, i % 2 == 0 ? Fault.rateLimit(0)
                    : Fault.answer(400, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"Invalid\"}}"));
            HttpResponse<String> refused = create(gateway, newId());
            // a 429 is tried again past the one attempt of gateway.retry.max-attempts (its own budget,
            // gateway.retry.rate-limited-max-attempts): CREATED; a 400 is REJECTED
            assertThat(json(refused).at("/outcomes/0/status").asText()).isEqualTo(i % 2 == 0 ? "CREATED" : "REJECTED");
        }
        HttpResponse<String> after = create(gateway, newId());
        assertThat(json(after).at("/outcomes/0/status").asText()).as(after.body()).isEqualTo("CREATED");
    }

    @Test
    void a_vendor_failing_half_of_twenty_calls_opens_its_circuit() throws Exception {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, 1);
        for (int i = 0; i < 20; i++) {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503));
            create(gateway, newId());
        }
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        HttpResponse<String> whileOpen = create(gateway, newId());
        assertThat(json(whileOpen).at("/outcomes/0/error").asText()).contains("circuit open");
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    private static RunningGateway start(TestVendors vendors, int attempts) {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.retry.max-attempts", String.valueOf(attempts));
        settings.put("gateway.retry.max-delay-ms", "50");
        return SETUP.start(settings);
    }

    private static HttpResponse<String> create(RunningGateway gateway, String id) {
        return gateway.post("/api/v1/customers", "application/json", customer(id), Map.of("X-Gateway-Target", "syntch"));
    }
}
