package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.customergateway.simplepin.sandbox.SimplePinSimulator;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.CapturedLogs;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole gateway life (start, creates at both vendors, rejections, faults, facades, bad keys, stop)
 * with its log captured: no credential, inbound or outbound, appears in any log line or any answer
 * (headers included),
 * and no e-mail address or phone number in any log line.
 */
class SecretsStayOutOfLogsTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final String INBOUND_KEY = "inbound-key-7d2b9e";

    @Test
    void no_credential_appears_in_a_log_line_or_an_answer() throws Exception {
        List<String> answers = new ArrayList<>();
        String logs;
        try (CapturedLogs captured = new CapturedLogs(); TestVendors vendors = new TestVendors()) {
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.auth.api-keys", INBOUND_KEY);
            try (RunningGateway gateway = SETUP.start(settings)) {
                Map<String, String> key = Map.of("X-Api-Key", INBOUND_KEY, "X-Gateway-Target", "both");
                answers.add(headersAndBody(gateway.post("/api/v1/customers", "application/json", customer(newId()), key)));
                vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(401), Fault.status(503));
                vendors.simplePin.server().inject(SimplePinSimulator.ADD, Fault.drop());
                answers.add(headersAndBody(gateway.post("/api/v1/customers?includeRaw=true", "application/json", customer(newId()), key)));
                answers.add(headersAndBody(gateway.post("/api/v1/customers", "application/json", customer(newId()), key)));
                answers.add(headersAndBody(gateway.post("/api/v1/customers", "application/json", "{bad".getBytes(), key)));
                answers.add(headersAndBody(gateway.post("/syntch/customers", "application/json",
                        Fixtures.bytes("syntch-postcustomer.json"), Map.of("Authorization", "Bearer " + INBOUND_KEY))));
                answers.add(headersAndBody(gateway.post("/api/v1/customers", "application/json", customer(newId()),
                        Map.of("X-Api-Key", INBOUND_KEY + "-wrong"))));
                HttpResponse<String> last = gateway.get("/api/v1/schemas/syntch");
                answers.add(headersAndBody(last));
            }
            logs = captured.text();
        }
        String basic = Base64.getEncoder().encodeToString(
                (TestVendors.SYNTCH_USER + ":" + TestVendors.SYNTCH_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(logs).as("the run logged").contains("customer");
        for (String secret : List.of(INBOUND_KEY, TestVendors.SIMPLEPIN_KEY, TestVendors.SYNTCH_PASSWORD, basic)) {
            assertThat(logs).as("log").doesNotContain(secret);
            assertThat(answers).as("answers").noneMatch(answer -> answer.contains(secret));
        }
        // nor a person's e-mail address or phone number (the fixtures' contact)
        assertThat(logs).doesNotContain("ada@acme.test").doesNotContain("416 555 0100").doesNotContain("416 555 0101");
    }

    /** An answer as the caller receives it: its headers too, since a header can carry a credential back. */
    private static String headersAndBody(HttpResponse<String> answer) {
        return answer.headers().map() + "\n" + answer.body();
    }
}
