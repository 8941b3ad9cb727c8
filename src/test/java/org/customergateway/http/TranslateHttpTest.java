package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/v1/translate over real HTTP, and every bad input it must refuse clearly. */
class TranslateHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> Map.of("gateway.syntch.merchant-key", "4242"));
    private final RunningGateway gateway = SETUP.gateway();

    @Test
    void translates_a_simplepin_xml_profile_into_a_syntch_json_customer() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=simplepin&to=syntch", "application/xml",
                Fixtures.bytes("simplepin-request.xml"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode answer = json(response);
        assertThat(answer.path("from").asText()).isEqualTo("simplepin");
        assertThat(answer.path("to").asText()).isEqualTo("syntch");
        assertThat(answer.at("/body/CustomerId").asText()).isEqualTo("C-1001");
        assertThat(answer.at("/body/MerchantKey").asInt()).isEqualTo(4242);
        assertThat(answer.at("/body/ShippingAddress/StateOrProvinceCode").asText()).isEqualTo("ON");
        assertThat(answer.at("/body/ActivationStatus").asText()).isEqualTo("Active");
        assertThat(answer.path("warnings")).extracting(JsonNode::asText)
                .containsExactly("customer_since: no place in Syntch, dropped", "contracts: no place in Syntch, dropped");
        assertThat(answer.path("violations")).isEmpty();
    }

    @Test
    void translates_canonical_json_into_simplepin_with_numeric_ids() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=canonical&to=simplepin", "application/json",
                Fixtures.bytes("canonical-customer.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response).path("body");
        assertThat(body.at("/main_address/country").asInt()).isEqualTo(124);
        assertThat(body.at("/main_address/province").asInt()).isEqualTo(60);
        assertThat(body.at("/main_address/address").asText()).isEqualTo("12 Main Street, Suite 4");
        assertThat(body.path("customer_since").asText()).isEqualTo("2024-03-01T09:30:00.000Z");
    }

    @Test
    void translates_canonical_xml() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=canonical&to=syntch", "text/xml",
                Fixtures.bytes("canonical-customer.xml"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/body/DefaultContact/FirstName").asText()).isEqualTo("Ada");
    }

    @Test
    void answers_violations_as_a_422_problem_in_the_callers_field_names() throws Exception {
        String noName = "{\"customer_id\":\"C-1\",\"main_address\":{\"zip\":\"" + "9".repeat(31)
                + "\",\"country\":124,\"province\":60,\"address\":\"1 King St\"}}";
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=simplepin&to=syntch", "application/json", noName);

        assertProblem(response, 422);
        JsonNode problem = json(response);
        assertThat(problem.path("violations")).extracting(v -> v.path("field").asText() + ": " + v.path("message").asText())
                .containsExactlyInAnyOrder("customer_name: is required", "DefaultContact: is required",
                        "main_address.zip: must be at most 30 characters");
    }

    @Test
    void refuses_malformed_json_with_400() throws Exception {
        assertProblem(gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json", "{\"name\":"), 400);
    }

    @Test
    void refuses_malformed_xml_with_400() throws Exception {
        assertProblem(gateway.post("/api/v1/translate?from=simplepin&to=syntch", "application/xml",
                "<add_update_cc_profile_model><customer_id>C</customer_name>"), 400);
    }

    @Test
    void refuses_a_wrong_type_with_400_naming_the_field() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json",
                "{\"merchantKey\":\"lots\"}");
        assertProblem(response, 400);
        assertThat(json(response).path("detail").asText()).contains("merchantKey");
    }

    @Test
    void refuses_an_unknown_property_with_400_naming_it() throws Exception {
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json",
                "{\"customerId\":\"C-1\",\"nickname\":\"Acme\"}");
        assertProblem(response, 400);
        assertThat(json(response).path("detail").asText()).contains("unknown property 'nickname'");
    }

    @Test
    void refuses_a_body_over_the_limit_with_413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json", big), 413);
    }

    @Test
    void refuses_a_body_over_the_servers_hard_limit_with_413_too() throws Exception {
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertProblem(gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json", huge), 413);
    }

    @Test
    void refuses_an_unsupported_content_type_with_415() throws Exception {
        assertProblem(gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/x-www-form-urlencoded",
                "name=Acme"), 415);
    }

    @Test
    void refuses_an_unknown_schema_with_400() throws Exception {
        assertProblem(gateway.post("/api/v1/translate?from=salesforce&to=syntch", "application/json", "{}"), 400);
        assertProblem(gateway.post("/api/v1/translate?from=canonical", "application/json", "{}"), 400);
    }

    @Test
    void refuses_an_xxe_body_quickly_without_any_file_content_in_the_answer() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<customer><customerId>&xxe;</customerId><name>x</name></customer>";
        HttpResponse<String> response = gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/xml", xxe);
        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void refuses_a_billion_laughs_body() throws Exception {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = dtd + "]><customer><name>&l9;</name></customer>";
        assertProblem(gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/xml", laughs), 400);
    }

    @Test
    void keeps_serving_after_bad_input() throws Exception {
        for (int i = 0; i < 20; i++) {
            gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json", "{{{{");
        }
        assertThat(gateway.post("/api/v1/translate?from=canonical&to=syntch", "application/json",
                Fixtures.bytes("canonical-customer.json")).statusCode()).isEqualTo(200);
    }

    @Test
    void does_not_echo_request_headers_into_the_answer() throws Exception {
        HttpResponse<String> response = gateway.send(java.net.http.HttpRequest.newBuilder(
                        gateway.uri("/api/v1/translate?from=canonical&to=syntch"))
                .header("Content-Type", "application/json").header("X-Api-Key", "secret-key-123")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("canonical-customer.json"))).build());
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Api-Key"));
        assertThat(response.headers().map().values().toString()).doesNotContain("secret-key-123");
    }

    @Test
    void answers_unknown_paths_and_methods_as_problems() throws Exception {
        assertProblem(gateway.get("/api/v1/nothing-here"), 404);
        assertProblem(gateway.get("/api/v1/translate?from=canonical&to=syntch"), 405);
    }

    static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Fixtures.CODECS.json().readTree(response.body());
    }
}
