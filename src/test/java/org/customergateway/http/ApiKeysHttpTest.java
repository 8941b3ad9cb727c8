package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.customergateway.support.Fixtures;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/** gateway.auth.api-keys: every endpoint, the facades included, wants one of the keys. */
class ApiKeysHttpTest {

    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.auth.api-keys", "first-key-1234, second-key-5678");
            return settings;
        });

    @Test
    void refuses_a_request_without_a_key_with_a_401_problem() {
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json",
                Fixtures.bytes("canonical-customer.json"), Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refuses_a_wrong_key() {
        assertThat(translate(Map.of("X-Api-Key", "first-key-123")).statusCode()).isEqualTo(401);
        assertThat(translate(Map.of("Authorization", "Bearer nope")).statusCode()).isEqualTo(401);
    }

    @Test
    void accepts_any_configured_key_in_either_header() {
        assertThat(translate(Map.of("X-Api-Key", "first-key-1234")).statusCode()).isEqualTo(200);
        assertThat(translate(Map.of("Authorization", "Bearer second-key-5678")).statusCode()).isEqualTo(200);
    }

    @Test
    void guards_the_facades_and_the_schemas_too() {
        int before = vendors.syntch.customerCount() + vendors.simplePin.customerCount();
        assertThat(gateway.post("/syntch/customers", "application/json", Fixtures.bytes("syntch-postcustomer.json"),
                Map.of()).statusCode()).isEqualTo(401);
        assertThat(gateway.post("/simplepin/v2/customer/add", "application/json", Fixtures.bytes("simplepin-request.json"),
                Map.of()).statusCode()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/schemas/syntch").statusCode()).isEqualTo(401);
        assertThat(vendors.syntch.customerCount() + vendors.simplePin.customerCount()).isEqualTo(before);
    }

    @Test
    void a_key_in_the_query_string_is_no_key() {
        for (String query : new String[] {"X-Api-Key=first-key-1234", "x-api-key=first-key-1234",
                "Authorization=Bearer%20first-key-1234"}) {
            HttpResponse<String> response = gateway.post("/api/v1/translate?from=canonical&to=syntch&" + query,
                    "application/json", Fixtures.bytes("canonical-customer.json"), Map.of());
            assertThat(response.statusCode()).as(query).isEqualTo(401);
        }
    }

    @Test
    void target_idempotency_key_and_correlation_id_come_from_headers_only() throws Exception {
        Map<String, String> key = Map.of("X-Api-Key", "first-key-1234");
        String id = TestCustomers.newId();
        HttpResponse<String> first = gateway.post("/api/v1/customers?X-Gateway-Target=simplepin&Idempotency-Key=q-1"
                + "&X-Correlation-Id=from-query", "application/json", TestCustomers.customer(id), key);
        JsonNode result = TestCustomers.json(first);
        assertThat(result.path("outcomes")).as(first.body()).hasSize(2);
        assertThat(result.path("correlationId").asText()).isNotEqualTo("from-query");

        // the header decides; the query's value neither wins nor makes the two "both given" (a 400)
        HttpResponse<String> second = gateway.post("/api/v1/customers?X-Gateway-Target=simplepin&Idempotency-Key=q-1",
                "application/json", TestCustomers.customer(TestCustomers.newId()),
                Map.of("X-Api-Key", "first-key-1234", "X-Gateway-Target", "syntch"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(TestCustomers.json(second).path("outcomes")).extracting(o -> o.path("vendor").asText())
                .containsExactly("syntch");
    }

    private HttpResponse<String> translate(Map<String, String> headers) {
        return gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json",
                Fixtures.bytes("canonical-customer.json"), headers);
    }
}
