package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.simplepin.sandbox.SimplePinSimulator.ADD;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.util.Map;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/http-api.md: input is never silently changed. Each of these bodies was once accepted and quietly altered
 * (or answered 500); each is now a 400 problem naming the field, and nothing reaches a vendor.
 */
class InputNeverChangedHttpTest {

    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {"4711.5", "4711.0", "-0", "1e3", "99999999999", "\"4711\""})
    void a_merchant_key_that_is_not_a_whole_number_as_written_is_refused(String merchantKey) throws Exception {
        HttpResponse<String> response = create(canonical(newId()).replace("\"merchantKey\": 4711", "\"merchantKey\": " + merchantKey));
        assertRefused(response, "merchantKey");
    }

    @Test
    void a_fractional_simplepin_country_id_is_refused() throws Exception {
        String body = Fixtures.text("simplepin-request.json").replace("C-1001", newId())
                .replace("\"city\": \"Toronto\", \"country\": 124, \"province\": 60,\n",
                        "\"city\": \"Toronto\", \"country\": 124.0, \"province\": 60,\n");
        assertThat(body).contains("124.0");
        HttpResponse<String> response = gateway.post("/simplepin/v2/customer/add", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("124.0").contains("billing_addresses[1].country");
    }

    @Test
    void a_duplicate_json_key_is_refused() throws Exception {
        HttpResponse<String> response = create(canonical(newId()).replace("\"name\": \"Acme Hardware Ltd\"",
                "\"name\": \"Acme Hardware Ltd\", \"name\": \"Someone Else\""));
        assertRefused(response, "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "  null  "})
    void a_json_null_body_is_refused(String body) throws Exception {
        assertRefused(create(body), "no customer");
    }

    @Test
    void an_empty_xml_customer_is_refused() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/xml", "<customer/>",
                Map.of("X-Gateway-Target", "both"));
        assertRefused(response, "no customer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\\u0000Hardware", "Acme\\ud800", "Acme\\r\\nFORGED line", "\\udc00Acme", "Acme\\u001b[31m"})
    void control_characters_and_unpaired_surrogates_in_text_are_refused(String name) throws Exception {
        HttpResponse<String> response = create(canonical(newId()).replace("Acme Hardware Ltd", name));
        assertRefused(response, "name");
    }

    @Test
    void a_control_character_in_xml_text_is_refused() throws Exception {
        String xml = Fixtures.text("canonical-customer.xml").replace("C-1001", newId() + "&#13;&#10;x");
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/xml", xml,
                Map.of("X-Gateway-Target", "both"));
        assertRefused(response, "customerId");
    }

    @Test
    void a_paired_surrogate_is_a_character_and_passes() throws Exception {
        HttpResponse<String> response = create(canonical(newId()).replace("Acme Hardware Ltd", "Acme \\ud83d\\ude80 Rockets"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void assertRefused(HttpResponse<String> response, String mentioned) throws Exception {
        int adds = vendors.simplePin.server().requests(ADD);
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("detail").asText()).contains(mentioned);
        assertThat(vendors.simplePin.server().requests(ADD)).isEqualTo(adds);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    private static String canonical(String id) {
        return Fixtures.text("canonical-customer.json").replace("C-1001", id);
    }

    private HttpResponse<String> create(String body) {
        return gateway.post("/api/v1/customers", "application/json", body, Map.of("X-Gateway-Target", "both"));
    }
}
