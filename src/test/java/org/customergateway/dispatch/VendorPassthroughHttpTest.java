package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.simulation.Fault;
import org.customergateway.support.CapturedLogs;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facades' passthrough: off by default; on, the vendor's own answer, with the gateway's credentials only. */
class VendorPassthroughHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final String KEY = "caller-key-3";

    @Test
    void off_by_default_another_vendor_path_is_a_404_and_nothing_reaches_the_vendor() {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, false);
        HttpResponse<String> response = get(gateway, "/syntch/customers/C-1?format=json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("gateway.facade.passthrough");
        assertThat(vendors.syntch.server().requests("GET /customers/C-1")).isZero();
    }

    @Test
    void on_another_path_reaches_the_vendor_with_the_gateways_credentials_and_its_answer_comes_back() {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, true);
        HttpResponse<String> syntch = get(gateway, "/syntch/customers/C-1?format=json");
        // the simulator's own ServiceStack answer for a route it does not have
        assertThat(syntch.statusCode()).isEqualTo(404);
        assertThat(syntch.body()).contains("ResponseStatus").contains("no route GET /customers/C-1");
        assertThat(vendors.syntch.server().requests("GET /customers/C-1")).isEqualTo(1);
        var seen = vendors.syntch.server().lastRequest("GET /customers/C-1");
        assertThat(seen.header("authorization")).startsWith("Basic ").doesNotContain(KEY);
        assertThat(seen.header("x-api-key")).isNull();
        assertThat(seen.query()).containsEntry("format", "json");

        HttpResponse<String> simplePin = get(gateway, "/simplepin/v2/nothing-here");
        assertThat(simplePin.statusCode()).isEqualTo(404);
        assertThat(vendors.simplePin.server().lastRequest("GET /v2/nothing-here").header("x-api-key"))
                .isEqualTo(TestVendors.SIMPLEPIN_KEY);
    }

    @Test
    void on_the_paths_the_facades_translate_are_still_translated() {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, true);
        String id = org.customergateway.support.TestCustomers.newId();
        HttpResponse<String> added = gateway.send(HttpRequest.newBuilder(gateway.uri("/simplepin/v2/customer/add"))
                .header("Content-Type", "application/json").header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.text("simplepin-request.json").replace("C-1001", id)))
                .build());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(vendors.syntch.customer(id)).as("translated to Syntch, not forwarded to SimplePin").isNotNull();
        assertThat(vendors.simplePin.server().requests("POST /v2/customer/add")).isZero();
        assertThat(get(gateway, "/simplepin/v2/countries").body()).contains("Canada");
        assertThat(vendors.simplePin.server().requests("GET /v2/countries")).isZero();
    }

    @Test
    void the_callers_query_and_path_reach_the_vendor_byte_for_byte() {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, true);
        get(gateway, "/syntch/customers/C%2D1%20x?x=a%20b&y=%2F&z=%C3%A9+1");
        var seen = vendors.syntch.server().lastRequest("GET /customers/C-1 x");
        assertThat(seen).as("the path, decoded once by the vendor").isNotNull();
        assertThat(seen.rawQuery()).isEqualTo("x=a%20b&y=%2F&z=%C3%A9+1");
    }

    @Test
    void a_path_with_a_control_character_is_refused_in_the_facades_format_sent_nowhere_and_logged_on_one_line() {
        try (CapturedLogs logs = new CapturedLogs()) {
            TestVendors vendors = SETUP.vendors();
            RunningGateway gateway = start(vendors, true);
            HttpResponse<String> simplePin = get(gateway, "/simplepin/x%0d%0aX-Injected:%20yes");
            assertThat(simplePin.statusCode()).isEqualTo(400);
            assertThat(simplePin.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(simplePin.body()).contains("\"message\"").contains("control character");
            assertNoVendorHeaderNorStackTrace(simplePin);

            HttpResponse<String> syntch = get(gateway, "/syntch/x%0aX-Injected:%20yes");
            assertThat(syntch.statusCode()).isEqualTo(400);
            assertThat(syntch.body()).contains("ResponseStatus").contains("control character");
            assertNoVendorHeaderNorStackTrace(syntch);

            assertThat(vendors.simplePin.server().requestCounts()).isEmpty();
            assertThat(vendors.syntch.server().requestCounts()).isEmpty();
            assertThat(logs.lines().lines()).noneMatch(line -> line.startsWith("X-Injected"));
        }
    }

    @Test
    void while_a_vendors_circuit_is_open_the_answer_is_a_502_in_the_facades_format_without_the_gateways_credentials() {
        Map<String, String> settings = new HashMap<>(TestVendors.breakerOverTheLastFourCalls(60));
        try (CapturedLogs logs = new CapturedLogs()) {
            TestVendors vendors = SETUP.vendors();
            RunningGateway gateway = start(vendors, true, settings);
            for (int i = 0; i < 4; i++) {
                vendors.simplePin.server().inject("GET /v2/foo", Fault.status(503));
                vendors.syntch.server().inject("GET /foo", Fault.status(503));
                assertThat(get(gateway, "/simplepin/v2/foo").statusCode()).isEqualTo(503);
                assertThat(get(gateway, "/syntch/foo").statusCode()).isEqualTo(503);
            }
            HttpResponse<String> simplePin = get(gateway, "/simplepin/v2/foo");
            assertThat(simplePin.statusCode()).isEqualTo(502);
            assertThat(simplePin.body()).contains("simplepin could not be reached").contains("circuit open");
            assertNoVendorHeaderNorStackTrace(simplePin);

            HttpResponse<String> syntch = get(gateway, "/syntch/foo");
            assertThat(syntch.statusCode()).isEqualTo(502);
            assertThat(syntch.body()).contains("ResponseStatus").contains("syntch could not be reached");
            assertNoVendorHeaderNorStackTrace(syntch);
            assertThat(vendors.simplePin.server().requests("GET /v2/foo")).as("nothing sent while open").isEqualTo(4);
        }
    }

    /** No header the gateway set for a vendor comes back, and no Java stack trace. */
    private static void assertNoVendorHeaderNorStackTrace(HttpResponse<String> response) {
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Api-Key")
                || name.equalsIgnoreCase("Authorization"));
        assertThat(response.headers().map().toString()).doesNotContain(TestVendors.SIMPLEPIN_KEY)
                .doesNotContain(TestVendors.SYNTCH_PASSWORD);
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain(TestVendors.SIMPLEPIN_KEY);
    }

    private static RunningGateway start(TestVendors vendors, boolean passthrough) {
        return start(vendors, passthrough, Map.of());
    }

    private static RunningGateway start(TestVendors vendors, boolean passthrough, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.putAll(more);
        settings.put("gateway.facade.passthrough", String.valueOf(passthrough));
        settings.put("gateway.auth.api-keys", KEY);
        return SETUP.start(settings);
    }

    private static HttpResponse<String> get(RunningGateway gateway, String path) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("X-Api-Key", KEY).GET().build());
    }
}
