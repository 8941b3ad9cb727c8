package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.customergateway.simulation.Fault;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.sandbox.SimplePinSimulator;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gateway.simplepin.lookups=live: SimplePin's own ids are used when it answers, the snapshot when it does not. */
class LiveLookupsHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @Test
    void uses_simplepins_live_province_ids_when_it_answers() throws Exception {
        try (SimplePinSimulator simplePin = simplePinWithOntario900();
             TestVendors others = new TestVendors()) {
            Map<String, String> settings = liveFrom(simplePin, others);
            try (RunningGateway gateway = SETUP.start(settings)) {
                // read once the gateway has started; the snapshot's ids serve until then
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ontarioId(gateway)).isEqualTo(900));
            }
            assertThat(simplePin.server().requests("GET /v2/countries")).isEqualTo(1);
            assertThat(simplePin.server().requests("GET /v2/provinces")).isEqualTo(Fixtures.GEOGRAPHY.countries().size());
        }
    }

    @Test
    void keeps_the_tables_in_use_when_simplepin_answers_only_part_of_them() throws Exception {
        try (SimplePinSimulator simplePin = simplePinWithOntario900();
             TestVendors others = new TestVendors()) {
            // the first country's provinces answered, the second's not
            simplePin.server().inject("GET /v2/provinces", Fault.answer(200, "application/json", "[]"), Fault.status(503));
            Map<String, String> settings = liveFrom(simplePin, others);
            try (RunningGateway gateway = SETUP.start(settings)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> tableReadsDone(gateway) >= 1);
                assertThat(simplePin.server().requests("GET /v2/provinces")).isEqualTo(2);
                assertThat(ontarioId(gateway)).as("the snapshot's Ontario, not a half-read table").isEqualTo(60);
            }
        }
    }

    @Test
    void keeps_the_snapshot_when_simplepin_cannot_be_reached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestVendors vendors = new TestVendors()) {
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.simplepin.base-url", "http://127.0.0.1:" + closedPort);
            settings.put("gateway.simplepin.lookups", "live");
            try (RunningGateway gateway = SETUP.start(settings)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> tableReadsDone(gateway) >= 1);
                assertThat(ontarioId(gateway)).isEqualTo(60);
            }
        }
    }

    /** A SimplePin whose Ontario is 900, not the snapshot's 60. */
    private static SimplePinSimulator simplePinWithOntario900() {
        List<SimplePinGeography.Province> provinces = Fixtures.GEOGRAPHY.provinces().stream()
                .map(p -> p.code().equals("ON") ? new SimplePinGeography.Province(900, 124, "ON", "Ontario") : p)
                .toList();
        return new SimplePinSimulator(Fixtures.GEOGRAPHY.countries(), provinces, TestVendors.SIMPLEPIN_KEY, 0);
    }

    private static Map<String, String> liveFrom(SimplePinSimulator simplePin, TestVendors others) {
        Map<String, String> settings = new HashMap<>(others.gatewaySettings());
        settings.put("gateway.simplepin.base-url", simplePin.baseUrl());
        settings.put("gateway.simplepin.lookups", "live");
        return settings;
    }

    /** How many reads of SimplePin's tables have ended, by Camel's count of the route's exchanges. */
    private static double tableReadsDone(RunningGateway gateway) {
        return gateway.observe("/observe/metrics").body().lines()
                .filter(line -> line.startsWith("camel_exchanges_total{") && line.contains("routeId=\"simplepin-tables-source\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static int ontarioId(RunningGateway gateway) throws Exception {
        String canonical = "{\"customerId\":\"C-1\",\"shippingAddress\":{\"lines\":[\"1 King St\"],\"region\":\"ON\","
                + "\"postalCode\":\"M5V\",\"country\":\"CAN\"}}";
        var response = gateway.post("/api/v1/translate?from=canonical&to=simplepin", "application/json", canonical);
        return Fixtures.CODECS.json().readTree(response.body()).at("/body/main_address/province").asInt();
    }
}
