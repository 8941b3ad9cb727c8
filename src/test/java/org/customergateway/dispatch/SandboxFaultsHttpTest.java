package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/** README.md: the simulators' faults can be scripted over HTTP, as the README's walk-through does. */
class SandboxFaultsHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();

    @Test
    void two_scripted_503s_make_a_customer_take_three_attempts() throws Exception {
        HttpResponse<String> queued = faults("POST", "{\"route\":\"POST /customers\",\"kind\":\"status\",\"status\":503,\"times\":2}");
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(queued.body()).contains("\"POST /customers\":2");

        HttpResponse<String> created = gateway.post("/api/v1/customers", "application/json", customer(newId()),
                Map.of("X-Gateway-Target", "syntch"));
        assertThat(json(created).at("/outcomes/0/status").asText()).isEqualTo("CREATED");
        assertThat(json(created).at("/outcomes/0/attempts").asInt()).isEqualTo(3);
        assertThat(faults("GET", null).body()).contains("\"queued\":{}").contains("\"POST /customers\":");
    }

    @Test
    void scripted_drops_fail_the_customer_into_a_dead_letter_and_delete_clears_them() throws Exception {
        faults("POST", "{\"route\":\"POST /customers\",\"kind\":\"drop\",\"times\":4}");
        HttpResponse<String> failed = gateway.post("/api/v1/customers", "application/json", customer(newId()),
                Map.of("X-Gateway-Target", "syntch"));
        assertThat(json(failed).at("/outcomes/0/status").asText()).isEqualTo("FAILED");
        assertThat(json(failed).at("/outcomes/0/deadLetterId").asText()).isNotBlank();

        faults("POST", "{\"route\":\"POST /customers\",\"kind\":\"status\",\"status\":503,\"times\":50}");
        assertThat(faults("DELETE", null).body()).contains("\"queued\":{}");
    }

    @Test
    void a_bad_order_is_refused_with_the_reason() throws Exception {
        HttpResponse<String> refused = faults("POST", "{\"route\":\"POST /customers\",\"kind\":\"meteor\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("kind is status, rate-limit, slow or drop");
    }

    private HttpResponse<String> faults(String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vendors.syntch.baseUrl() + "/_sandbox/faults"));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
