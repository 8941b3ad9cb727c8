package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.simulation.Fault;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;

/** Dead letters over real HTTP: kept when a vendor fails for good, listed, replayed once, discarded. */
class DeadLettersHttpTest {

    private static final String KEY = "dl-test-key-4e1f";
    private static final Map<String, String> AUTH = Map.of("X-Api-Key", KEY);
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
            Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
            settings.put("gateway.auth.api-keys", KEY);
            settings.put("gateway.retry.max-attempts", "2");
            settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
            return settings;
        });

    @Test
    void a_customer_no_vendor_took_is_kept_listed_and_replayed_exactly_once() throws Exception {
        String id = newId();
        String letterId = failAtSyntch(id);

        JsonNode list = json(gateway.send(get("/api/v1/dead-letters?vendor=syntch&state=WAITING&size=500")));
        assertThat(list.path("items")).extracting(i -> i.path("id").asText()).contains(letterId);
        JsonNode letter = json(gateway.send(get("/api/v1/dead-letters/" + letterId)));
        assertThat(letter.path("vendor").asText()).isEqualTo("syntch");
        assertThat(letter.path("sourceSchema").asText()).isEqualTo("canonical");
        assertThat(letter.path("customerId").asText()).isEqualTo(id);
        assertThat(letter.path("attempts").asInt()).isEqualTo(2);
        assertThat(letter.path("body").asText()).contains(id);
        assertThat(letter.path("headers").path("X-Gateway-Target").asText()).isEqualTo("syntch");

        HttpResponse<String> replay = gateway.send(post("/api/v1/dead-letters/" + letterId + "/replay"));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(201);
        assertThat(vendors.syntch.customer(id)).isNotNull();
        assertThat(json(gateway.send(get("/api/v1/dead-letters/" + letterId))).path("state").asText()).isEqualTo("REPLAYED");

        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        HttpResponse<String> again = gateway.send(post("/api/v1/dead-letters/" + letterId + "/replay"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    @Test
    void a_replay_that_fails_again_keeps_the_letter_waiting_and_a_later_one_creates_it() throws Exception {
        String id = newId();
        String letterId = failAtSyntch(id);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));

        HttpResponse<String> failed = gateway.send(post("/api/v1/dead-letters/" + letterId + "/replay"));
        assertThat(failed.statusCode()).isEqualTo(502);
        JsonNode letter = json(gateway.send(get("/api/v1/dead-letters/" + letterId)));
        assertThat(letter.path("state").asText()).isEqualTo("WAITING");
        assertThat(letter.path("attempts").asInt()).isEqualTo(4);

        assertThat(gateway.send(post("/api/v1/dead-letters/" + letterId + "/replay")).statusCode()).isEqualTo(201);
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void a_customer_failing_again_while_its_letter_waits_updates_that_letter() throws Exception {
        String id = newId();
        String first = failAtSyntch(id);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        Map<String, String> headers = new HashMap<>(AUTH);
        headers.put("X-Gateway-Target", "syntch");
        byte[] changed = new String(customer(id)).replace("Acme Hardware Ltd", "Acme Hardware Renamed").getBytes();
        HttpResponse<String> again = gateway.post("/api/v1/customers", "application/json", changed, headers);
        assertThat(json(again).at("/outcomes/0/deadLetterId").asText()).isEqualTo(first);
        JsonNode letters = json(gateway.send(get("/api/v1/dead-letters?vendor=syntch&size=500")));
        assertThat(letters.path("items")).filteredOn(letter -> letter.path("customerId").asText().equals(id)).hasSize(1);
        assertThat(json(gateway.send(get("/api/v1/dead-letters/" + first))).path("body").asText())
                .contains("Acme Hardware Renamed");
    }

    @Test
    void no_caller_s_idempotency_key_can_take_a_replay_s_place() throws Exception {
        String id = newId();
        String letterId = failAtSyntch(id);
        // a caller who knows the letter sends another customer under the key a replay of it would use
        Map<String, String> headers = new HashMap<>(AUTH);
        headers.put("X-Gateway-Target", "syntch");
        for (String key : new String[] {"dead-letter:" + letterId + ":2", letterId + ":2"}) {
            headers.put("Idempotency-Key", key);
            assertThat(gateway.post("/api/v1/customers", "application/json", customer(newId()), headers).statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> replay = gateway.send(post("/api/v1/dead-letters/" + letterId + "/replay"));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(201);
        assertThat(json(replay).path("customerId").asText()).isEqualTo(id);
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void a_discarded_letter_is_not_replayed() throws Exception {
        String letterId = failAtSyntch(newId());
        HttpResponse<String> discarded = gateway.send(HttpRequest.newBuilder(gateway.uri("/api/v1/dead-letters/" + letterId))
                .header("X-Api-Key", KEY).DELETE().build());
        assertThat(discarded.statusCode()).isEqualTo(204);
        assertThat(json(gateway.send(get("/api/v1/dead-letters/" + letterId))).path("state").asText()).isEqualTo("DISCARDED");
        assertThat(gateway.send(post("/api/v1/dead-letters/" + letterId + "/replay")).statusCode()).isEqualTo(409);
    }

    @Test
    void lists_by_page_and_filters() throws Exception {
        failAtSyntch(newId());
        failAtSyntch(newId());
        JsonNode firstPage = json(gateway.send(get("/api/v1/dead-letters?size=1&page=0")));
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(firstPage.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(json(gateway.send(get("/api/v1/dead-letters?vendor=simplepin"))).path("total").asLong()).isZero();
        assertThat(json(gateway.send(get("/api/v1/dead-letters?since=2999-01-01T00:00:00Z"))).path("total").asLong()).isZero();
        assertThat(gateway.send(get("/api/v1/dead-letters?size=100000")).statusCode()).isEqualTo(400);
        assertThat(gateway.send(get("/api/v1/dead-letters/no-such-letter")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_letter_never_holds_a_credential() throws Exception {
        String letterId = failAtSyntch(newId());
        String letter = gateway.send(get("/api/v1/dead-letters/" + letterId)).body();
        assertThat(letter).doesNotContain(KEY).doesNotContain(TestVendors.SYNTCH_PASSWORD)
                .doesNotContainIgnoringCase("authorization").doesNotContainIgnoringCase("x-api-key");
    }

    private String failAtSyntch(String id) throws Exception {
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        Map<String, String> headers = new HashMap<>(AUTH);
        headers.put("X-Gateway-Target", "syntch");
        headers.put("Authorization", "Bearer " + KEY);
        HttpResponse<String> response = gateway.post("/api/v1/customers", "application/json", customer(id), headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode outcome = json(response).at("/outcomes/0");
        assertThat(outcome.path("status").asText()).isEqualTo("FAILED");
        assertThat(outcome.path("deadLetterId").asText()).isNotBlank();
        return outcome.path("deadLetterId").asText();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).header("X-Api-Key", KEY).GET().build();
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }
}
