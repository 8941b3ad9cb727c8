package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.simulation.Fault;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;

/** What the console's tests share: a gateway with an API key, a file drop and a sample a second, and dead letters made to order. */
final class ConsoleFixture {

    private ConsoleFixture() {
    }

    static Map<String, String> settings(TestVendors vendors, Path drop, String key) {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.auth.api-keys", key);
        settings.put("gateway.retry.max-attempts", "2");
        settings.put("gateway.console.sample-seconds", "1");
        settings.put("gateway.filedrop.dir", drop.toString());
        settings.put("gateway.filedrop.settle-ms", "300");
        settings.put("gateway.filedrop.poll-ms", "100");
        settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
        return settings;
    }

    /** Creates the customer at Syntch while Syntch answers 503 to both attempts: its dead letter's id. */
    static String failAtSyntch(RunningGateway gateway, TestVendors vendors, String key, String id) throws Exception {
        return failAtSyntch(gateway, vendors, key, id, Fault.status(503), Fault.status(503));
    }

    /** Creates the customer at Syntch while Syntch has these faults for both attempts: its dead letter's id. */
    static String failAtSyntch(RunningGateway gateway, TestVendors vendors, String key, String id, Fault... faults)
            throws Exception {
        vendors.syntch.server().inject(POST_CUSTOMERS, faults);
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", customer(id),
                Map.of("X-Api-Key", key, "X-Gateway-Target", "syntch"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        return json(response).at("/outcomes/0/deadLetterId").asText();
    }
}
