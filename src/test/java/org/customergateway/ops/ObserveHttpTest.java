package org.customergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health and metrics at Camel's observe endpoints on the management port, over real HTTP. */
class ObserveHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @Test
    void health_and_readiness_are_up_as_soon_as_the_api_answers() throws Exception {
        TestVendors vendors = SETUP.vendors();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        // the file consumers poll their folders first a second after the start: not yet, here
        RunningGateway gateway = SETUP.start(settings);
        assertThat(gateway.get("/api/v1/schemas/canonical").statusCode()).isEqualTo(200);
        var health = gateway.observe("/observe/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(gateway.observe("/observe/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void health_is_up_with_the_ledger_and_each_vendor_and_metrics_count_customers_by_outcome() throws Exception {
        TestVendors vendors = SETUP.vendors();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.retry.max-attempts", "2");
        settings.put("gateway.auth.api-keys", "ops-key");
        RunningGateway gateway = SETUP.start(settings);
        // the file consumers count as ready once they have polled their folder once
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> gateway.observe("/observe/health").statusCode() == 200);
        JsonNode health = Fixtures.CODECS.json().readTree(gateway.observe("/observe/health").body());
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.path("checks")).filteredOn(c -> !c.path("name").asText().contains(":"))
                .extracting(c -> c.path("name").asText() + "=" + c.path("status").asText())
                .contains("ledger=UP", "vendor-simplepin=UP", "vendor-syntch=UP");

        // every documented series exists before the first customer, at 0
        String atStart = gateway.observe("/observe/metrics").body();
        assertThat(atStart).contains("gateway_vendor_retries_total{vendor=\"syntch\"} 0.0")
                .contains("gateway_vendor_retries_total{vendor=\"simplepin\"} 0.0")
                .contains("gateway_customers_total{status=\"FAILED\",vendor=\"simplepin\",way_in=\"esb\"} 0.0")
                .contains("gateway_vendor_attempts_count{vendor=\"syntch\"} 0")
                .contains("gateway_dispatch_seconds_count{vendor=\"simplepin\"} 0")
                .contains("gateway_dead_letters_waiting 0.0")
                .contains("gateway_filedrop_records_in_progress 0.0")
                .contains("gateway_ledger_queue_depth 0.0")
                // the JVM's and the process's meters (ops/JvmMeters)
                .contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads")
                .contains("process_cpu_usage").contains("process_uptime_seconds").contains("jvm_gc_");

        Map<String, String> headers = Map.of("X-Api-Key", "ops-key", "X-Gateway-Target", "syntch");
        gateway.post("/api/v1/customers", "application/json", customer(newId()), headers);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        gateway.post("/api/v1/customers", "application/json", customer(newId()), headers);

        String metrics = gateway.observe("/observe/metrics").body();
        assertThat(metrics).contains("gateway_customers_total{status=\"CREATED\",vendor=\"syntch\",way_in=\"http\"} 1.0")
                .contains("gateway_customers_total{status=\"FAILED\",vendor=\"syntch\",way_in=\"http\"} 1.0")
                .contains("gateway_dead_letters_waiting 1.0")
                .contains("resilience4j_circuitbreaker_state{name=\"syntch-circuit-breaker\",state=\"closed\"} 1.0")
                .contains("gateway_dispatch_seconds_bucket{vendor=\"syntch\"")
                .contains("gateway_vendor_retries_total{vendor=\"syntch\"} 1.0")
                .containsPattern("gateway_ledger_batch_size_count [1-9]")
                .containsPattern("gateway_ledger_commit_seconds_count [1-9]");
        // Camel's route meters on the ways in only, not on the routes each customer crosses (ops/WayInRouteMeters)
        assertThat(metrics).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"customers-http-source\"[^}]*} 2\\.0")
                .doesNotContain("routeId=\"customer-dispatch\"").doesNotContain("routeId=\"syntch-call\"")
                .doesNotContain("routeId=\"syntch-attempt\"");
        // Camel's route gauges stay, although their notifier no longer hears every exchange (ops/RouteEventsOnly)
        assertThat(metrics).containsPattern("camel_routes_running_routes\\{[^}]*} [1-9]");
        // and no notifier makes Camel build an event object for every exchange (a renamed notifier class would)
        assertThat(gateway.context().getManagementStrategy().getEventNotifiers())
                .allMatch(org.apache.camel.spi.EventNotifier::isIgnoreExchangeEvents);
        // the inner routes are named by id: a renamed one would be metered again without this
        assertThat(WayInRouteMeters.INNER_ROUTES.split(",")).allMatch(id -> gateway.context().getRoute(id) != null);
    }

    @Test
    void camel_route_meters_on_every_route_when_asked_and_each_exchange_counted_once() {
        TestVendors vendors = SETUP.vendors();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("camel.metrics.enable-route-policy", "true");
        RunningGateway gateway = SETUP.start(settings);
        gateway.post("/api/v1/customers", "application/json", customer(newId()), Map.of("X-Gateway-Target", "syntch"));

        assertThat(gateway.observe("/observe/metrics").body())
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"customers-http-source\"[^}]*} 1\\.0")
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"syntch-call\"[^}]*} 1\\.0");
    }

    @Test
    void readiness_is_down_when_the_broker_cannot_be_reached() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TestVendors vendors = SETUP.vendors();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.esb.enabled", "true");
        settings.put("gateway.esb.broker-url", "tcp://localhost:" + closed);
        RunningGateway gateway = SETUP.start(settings);
        var response = gateway.observe("/observe/health/ready");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"name\":\"broker\",\"status\":\"DOWN\"");
    }

    @Test
    void readiness_stays_up_when_a_vendor_cannot_be_reached_and_the_vendor_check_says_why() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TestVendors vendors = SETUP.vendors();
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.syntch.base-url", "http://127.0.0.1:" + closed);
        RunningGateway gateway = SETUP.start(settings);
        // the file consumers count as ready once they have polled their folder once
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> gateway.observe("/observe/health/ready").statusCode() == 200);
        var ready = gateway.observe("/observe/health/ready");
        assertThat(ready.body()).doesNotContain("vendor-syntch");
        JsonNode health = Fixtures.CODECS.json().readTree(gateway.observe("/observe/health").body());
        assertThat(health.path("checks")).filteredOn(c -> c.path("name").asText().equals("vendor-syntch"))
                .singleElement().satisfies(c -> {
                    assertThat(c.path("status").asText()).isEqualTo("DOWN");
                    assertThat(c.path("message").asText()).contains("cannot be reached");
                });
    }
}
