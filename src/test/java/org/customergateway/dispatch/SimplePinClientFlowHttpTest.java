package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.simplepin.sandbox.SimplePinSimulator;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A SimplePin client that only changed its base URL runs SimplePin's own documented flow through the
 * facade: getCountries, getProvinces, getCustomer (404), add, getCustomer (200), in JSON and in XML,
 * with the customer landing at the facade's target.
 */
class SimplePinClientFlowHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final String KEY = "client-key-7";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "xml"})
    void the_whole_flow_works_with_the_target_syntch(String format) throws Exception {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, "syntch");
        String accept = format.equals("xml") ? "application/xml" : "application/json";
        HttpResponse<String> countries = get(gateway, "/simplepin/v2/countries?locale=en", accept);
        assertThat(countries.statusCode()).isEqualTo(200);
        assertThat(countries.body()).contains("124").contains("Canada");
        HttpResponse<String> provinces = get(gateway, "/simplepin/v2/provinces?country_id=124&locale=en", accept);
        assertThat(provinces.body()).contains("ON").contains("60").doesNotContain("\"NY\"").doesNotContain(">NY<");

        String id = newId();
        assertThat(get(gateway, "/simplepin/v2/customer/get?customer_id=" + id, accept).statusCode()).isEqualTo(404);
        String body = Fixtures.text("simplepin-request." + format).replace("C-1001", id);
        HttpResponse<String> added = gateway.send(HttpRequest.newBuilder(gateway.uri("/simplepin/v2/customer/add?locale=en"))
                .header("Content-Type", accept).header("Accept", accept).header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(vendors.syntch.customer(id)).as("landed at Syntch").isNotNull();
        assertThat(vendors.simplePin.profile(id)).as("not at SimplePin").isNull();

        HttpResponse<String> found = get(gateway, "/simplepin/v2/customer/get?customer_id=" + id, accept);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Type").orElse("")).contains(format);
        JsonNode profile = format.equals("xml") ? Fixtures.CODECS.xml().readTree(found.body())
                : Fixtures.CODECS.json().readTree(found.body());
        assertThat(profile.path("customer_id").asText()).isEqualTo(id);
        assertThat(profile.path("id").asLong()).isEqualTo(vendors.syntch.customer(id).customerKey());
        assertThat(profile.at("/main_address/province").asText()).isEqualTo("60");

        HttpResponse<String> whereabouts = get(gateway, "/api/v1/customers/" + id, "application/json");
        assertThat(Fixtures.CODECS.json().readTree(whereabouts.body()).path("vendors").get(0).path("vendor").asText())
                .isEqualTo("syntch");
    }

    @Test
    void with_the_target_simplepin_get_customer_asks_simplepin_with_the_gateways_own_key() throws Exception {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, "simplepin");
        String id = newId();
        assertThat(get(gateway, "/simplepin/v2/customer/get?customer_id=" + id, "application/json").statusCode())
                .isEqualTo(404);
        assertThat(vendors.simplePin.server().lastRequest(SimplePinSimulator.GET).header("x-api-key"))
                .isEqualTo(TestVendors.SIMPLEPIN_KEY);
        HttpResponse<String> added = gateway.send(HttpRequest.newBuilder(gateway.uri("/simplepin/v2/customer/add"))
                .header("Content-Type", "application/json").header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.text("simplepin-request.json").replace("C-1001", id)))
                .build());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> found = get(gateway, "/simplepin/v2/customer/get?customer_id=" + id, "application/json");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(Fixtures.CODECS.json().readTree(found.body()).path("id").asLong())
                .isEqualTo(vendors.simplePin.profile(id).id());
        assertThat(vendors.simplePin.server().lastRequest(SimplePinSimulator.GET).header("x-api-key"))
                .as("the caller's key is never forwarded").isEqualTo(TestVendors.SIMPLEPIN_KEY);
    }

    @Test
    void country_names_come_in_the_locales_language_where_known() throws Exception {
        TestVendors vendors = SETUP.vendors();
        RunningGateway gateway = start(vendors, "syntch");
        assertThat(get(gateway, "/simplepin/v2/countries?locale=fr", "application/json").body()).contains("États-Unis");
        assertThat(get(gateway, "/simplepin/v2/countries?locale=de", "application/json").body()).contains("Kanada");
        assertThat(get(gateway, "/simplepin/v2/countries", "application/json").body()).contains("United States");
    }

    private static RunningGateway start(TestVendors vendors, String target) {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.facade.simplepin.target", target);
        settings.put("gateway.auth.api-keys", KEY);
        return SETUP.start(settings);
    }

    private static HttpResponse<String> get(RunningGateway gateway, String path, String accept) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("Accept", accept).header("X-Api-Key", KEY)
                .GET().build());
    }
}
