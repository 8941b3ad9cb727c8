package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.http.TranslateHttpTest.assertProblem;
import static org.customergateway.http.TranslateHttpTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/v1/schemas/{name}: JSON Schemas generated from the models, the vendors' limits included. */
class SchemaHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> Map.of());
    private final RunningGateway gateway = SETUP.gateway();

    @Test
    void the_syntch_schema_carries_syntchs_names_limits_and_allowed_values() throws Exception {
        HttpResponse<String> response = gateway.get("/api/v1/schemas/syntch");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/schema+json");
        JsonNode schema = json(response);

        assertThat(schema.at("/properties/CustomerName/maxLength").asInt()).isEqualTo(100);
        assertThat(schema.at("/properties/CustomerId/maxLength").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/DefaultContact/properties/EmailAddress/maxLength").asInt()).isEqualTo(100);
        assertThat(schema.at("/properties/DefaultContact/properties/FaxNumber/maxLength").asInt()).isEqualTo(25);
        assertThat(schema.at("/properties/ActivationStatus/enum")).extracting(JsonNode::asText)
                .containsExactly("Pending", "Active", "Inactive", "Deleted");
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .contains("CustomerName", "DefaultContact", "ActivationStatus");
        JsonNode address = schema.at("/$defs/SyntchAddress");
        assertThat(address.at("/properties/PostalCode/maxLength").asInt()).isEqualTo(30);
        assertThat(address.at("/properties/StreetAddress1/maxLength").asInt()).isEqualTo(50);
        assertThat(address.at("/properties/CountryCode/pattern").asText()).isEqualTo("USA|CAN");
        assertThat(address.at("/properties/StateOrProvinceCode/pattern").asText()).contains("AK|AL").endsWith("YT");
        assertThat(address.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("StreetAddress1", "StateOrProvinceCode", "PostalCode", "CountryCode");
    }

    @Test
    void the_simplepin_schema_uses_snake_case_and_requires_a_customer_id() throws Exception {
        JsonNode schema = json(gateway.get("/api/v1/schemas/simplepin"));
        assertThat(schema.path("properties").has("customer_id")).isTrue();
        assertThat(schema.path("properties").has("billing_addresses")).isTrue();
        assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactly("customer_id");
    }

    @Test
    void the_canonical_schema_forbids_unknown_properties() throws Exception {
        JsonNode schema = json(gateway.get("/api/v1/schemas/canonical"));
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/status/enum")).extracting(JsonNode::asText)
                .containsExactly("PENDING", "ACTIVE", "INACTIVE", "DELETED");
    }

    @Test
    void an_unknown_schema_is_a_404_problem() throws Exception {
        assertProblem(gateway.get("/api/v1/schemas/salesforce"), 404);
    }
}
