package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.sandbox.SimplePinSimulator;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;

/** gateway.simplepin.lookups=live: SimplePin's own ids are used when it answers, the snapshot when it does not. */
class LiveLookupsHttpTest {

    @Test
    void uses_simplepins_live_province_ids_when_it_answers() throws Exception {
        // a SimplePin whose Ontario is 900, not the snapshot's 60
        List<SimplePinGeography.Province> provinces = Fixtures.GEOGRAPHY.provinces().stream()
                .map(p -> p.code().equals("ON") ? new SimplePinGeography.Province(900, 124, "ON", "Ontario") : p)
                .toList();
        try (SimplePinSimulator simplePin = new SimplePinSimulator(Fixtures.GEOGRAPHY.countries(), provinces,
                TestVendors.SIMPLEPIN_KEY, 0);
             TestVendors others = new TestVendors()) {
            Map<String, String> settings = new HashMap<>(others.gatewaySettings());
            settings.put("gateway.simplepin.base-url", simplePin.baseUrl());
            settings.put("gateway.simplepin.lookups", "live");
            try (RunningGateway gateway = RunningGateway.start(settings)) {
                assertThat(ontarioId(gateway)).isEqualTo(900);
            }
            assertThat(simplePin.server().requests("GET /v2/countries")).isEqualTo(1);
            assertThat(simplePin.server().requests("GET /v2/provinces")).isEqualTo(Fixtures.GEOGRAPHY.countries().size());
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
            settings.put("gateway.retry.max-attempts", "1");
            try (RunningGateway gateway = RunningGateway.start(settings)) {
                assertThat(ontarioId(gateway)).isEqualTo(60);
            }
        }
    }

    private static int ontarioId(RunningGateway gateway) throws Exception {
        String canonical = "{\"customerId\":\"C-1\",\"shippingAddress\":{\"lines\":[\"1 King St\"],\"region\":\"ON\","
                + "\"postalCode\":\"M5V\",\"country\":\"CAN\"}}";
        var response = gateway.post("/api/v1/translate?from=canonical&to=simplepin", "application/json", canonical);
        return Fixtures.CODECS.json().readTree(response.body()).at("/body/main_address/province").asInt();
    }
}
