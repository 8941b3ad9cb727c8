package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Route;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document and the running routes agree: every documented operation answers, every route is documented. */
class OpenApiHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();
    private final RunningGateway gateway = SETUP.gateway();
    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() throws Exception {
        HttpResponse<String> response = SETUP.gateway().get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        document = Fixtures.CODECS.json().readTree(response.body());
    }

    @Test
    void is_openapi_3_1_with_the_models_schemas_and_their_limits() {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/components/schemas/PostCustomer/properties/CustomerName/maxLength").asInt()).isEqualTo(100);
        assertThat(document.at("/components/schemas/CCProfileApiV2Model/required/0").asText()).isEqualTo("customer_id");
        assertThat(document.at("/components/schemas/Problem/properties/violations").isMissingNode()).isFalse();
    }

    @Test
    void every_request_body_is_read_in_the_media_types_the_contract_lists_and_refused_415_in_any_other() {
        Map<String, String> samples = Map.of("application/json", "{}", "application/xml", "<x/>", "text/csv", "a,b\n");
        List<String> disagreements = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode content = operation.getValue().path("requestBody").path("content");
            if (content.isMissingNode() || operation.getValue().path("x-path-prefix").asBoolean()) {
                return;
            }
            // the required query parameters, so that the media type is what is judged
            StringBuilder query = new StringBuilder();
            operation.getValue().path("parameters").forEach(parameter -> {
                if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                    JsonNode allowed = parameter.at("/schema/enum");
                    query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=')
                            .append(allowed.isArray() ? allowed.get(0).asText() : "syntch");
                }
            });
            String concrete = path.getKey().replace("{name}", "syntch").replace("{id}", "no-such-letter")
                    .replace("{customerId}", "never-sent").replace("{file}", "never-dropped.csv") + query;
            String method = operation.getKey().toUpperCase();
            content.fieldNames().forEachRemaining(mediaType -> {
                int status = send(method, concrete, mediaType, samples.getOrDefault(mediaType, "x"));
                if (status == 415) {
                    disagreements.add(method + " " + path.getKey() + " refused " + mediaType + ", which it lists");
                }
            });
            if (!content.has("text/plain")) {
                int status = send(method, concrete, "text/plain", "x");
                if (status != 415) {
                    disagreements.add(method + " " + path.getKey() + " answered text/plain " + status + ", not 415");
                }
            }
        }));
        assertThat(disagreements).as("the contract's request media types against the gateway's").isEmpty();
    }

    private int send(String method, String path, String contentType, String body) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType).build()).statusCode();
    }

    @Test
    void every_documented_operation_is_served() {
        List<String> notServed = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            String concrete = path.getKey().replace("{name}", "syntch").replace("{id}", "no-such-letter")
                    .replace("{customerId}", "never-sent").replace("{file}", "never-dropped.csv");
            HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri(concrete))
                    .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").build());
            String documented = method + " " + path.getKey() + " -> " + response.statusCode();
            boolean listed = path.getValue().path(method).path("responses").has(String.valueOf(response.statusCode()));
            if (response.statusCode() == 405 || !listed) {
                notServed.add(documented);
            }
        }));
        assertThat(notServed).as("operations answering a status their document does not list").isEmpty();
    }

    @Test
    void every_http_route_is_documented() {
        Set<String> documented = new HashSet<>();
        document.path("paths").fieldNames().forEachRemaining(documented::add);
        List<String> missing = new ArrayList<>();
        Set<String> served = new HashSet<>();
        for (Route route : gateway.context().getRoutes()) {
            // platform-http:/path?... for a route reading HTTP itself, rest://method:/path?... for one bound from the contract
            String uri = java.net.URLDecoder.decode(route.getEndpoint().getEndpointUri(), java.nio.charset.StandardCharsets.UTF_8);
            String path = uri.startsWith("platform-http:") ? uri.substring("platform-http:".length()).replaceFirst("^//", "")
                    : uri.startsWith("rest:") ? uri.replaceFirst("^rest:(//)?[a-z]+:", "") : null;
            if (path != null) {
                served.add(path.split("\\?")[0]);
            }
        }
        served.stream().filter(path -> !documented.contains(path)).forEach(missing::add);
        assertThat(served).contains("/api/v1/customers", "/api/v1/dead-letters/{id}", "/simplepin");
        assertThat(missing).isEmpty();
    }
}
