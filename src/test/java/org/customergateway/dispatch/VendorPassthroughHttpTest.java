package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;

/** The facades' passthrough: off by default; on, the vendor's own answer, with the gateway's credentials only. */
class VendorPassthroughHttpTest {

    private static final String KEY = "caller-key-3";

    @Test
    void off_by_default_another_vendor_path_is_a_404_and_nothing_reaches_the_vendor() {
        try (TestVendors vendors = new TestVendors(); RunningGateway gateway = start(vendors, false)) {
            HttpResponse<String> response = get(gateway, "/syntch/customers/C-1?format=json");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("gateway.facade.passthrough");
            assertThat(vendors.syntch.server().requests("GET /customers/C-1")).isZero();
        }
    }

    @Test
    void on_another_path_reaches_the_vendor_with_the_gateways_credentials_and_its_answer_comes_back() {
        try (TestVendors vendors = new TestVendors(); RunningGateway gateway = start(vendors, true)) {
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
    }

    @Test
    void on_the_paths_the_facades_translate_are_still_translated() {
        try (TestVendors vendors = new TestVendors(); RunningGateway gateway = start(vendors, true)) {
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
    }

    private static RunningGateway start(TestVendors vendors, boolean passthrough) {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.facade.passthrough", String.valueOf(passthrough));
        settings.put("gateway.auth.api-keys", KEY);
        return RunningGateway.start(settings);
    }

    private static HttpResponse<String> get(RunningGateway gateway, String path) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("X-Api-Key", KEY).GET().build());
    }
}
