package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger on the machine's real PostgreSQL (127.0.0.1:5432, database test; .ci/run makes sure it
 * runs), in a schema of its own: two gateway instances sharing it create each customer once.
 */
class PostgresLedgerTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "cg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static TestVendors vendors;
    private static RunningGateway first;
    private static RunningGateway second;

    @BeforeAll
    static void start() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        vendors = new TestVendors();
        first = SETUP.start(settings());
        second = SETUP.start(settings());
    }

    @AfterAll
    static void stop() throws Exception {
        first.close();
        second.close();
        vendors.close();
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void the_same_key_sent_to_two_instances_at_once_creates_exactly_one_customer() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.slow(Duration.ofMillis(400)));
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RunningGateway instance = i % 2 == 0 ? first : second;
                answers.add(CompletableFuture.supplyAsync(() -> IdempotencyHttpTest.post(instance, id,
                        Map.of("Idempotency-Key", "pg-" + id)), pool));
            }
            List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
            assertThat(responses.stream().filter(r -> !r.body().contains("\"replayed\":true"))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(1);
        assertThat(vendors.syntch.customer(id)).isNotNull();
    }

    @Test
    void a_repeat_after_a_restart_is_answered_from_postgresql() throws Exception {
        String id = newId();
        try (RunningGateway before = SETUP.start(settings())) {
            assertThat(IdempotencyHttpTest.post(before, id, Map.of()).statusCode()).isEqualTo(201);
        }
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        try (RunningGateway after = SETUP.start(settings())) {
            assertThat(json(IdempotencyHttpTest.post(after, id, Map.of())).path("replayed").asBoolean()).isTrue();
        }
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    @Test
    void a_dead_letter_kept_by_one_instance_is_replayed_once_whichever_instance_is_asked() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
        HttpResponse<String> failed = IdempotencyHttpTest.post(first, id, Map.of());
        String letterId = json(failed).at("/outcomes/0/deadLetterId").asText();
        assertThat(letterId).isNotBlank();

        CompletableFuture<HttpResponse<String>> onFirst = CompletableFuture.supplyAsync(() -> replay(first, letterId));
        CompletableFuture<HttpResponse<String>> onSecond = CompletableFuture.supplyAsync(() -> replay(second, letterId));
        List<Integer> statuses = List.of(onFirst.join().statusCode(), onSecond.join().statusCode());

        assertThat(statuses).contains(201);
        assertThat(vendors.syntch.customer(id)).isNotNull();
        assertThat(replay(second, letterId).statusCode()).isEqualTo(409);
        assertThat(json(second.get("/api/v1/dead-letters/" + letterId)).path("state").asText()).isEqualTo("REPLAYED");
    }

    @Test
    void a_group_replayed_from_two_instances_at_once_creates_each_customer_once() throws Exception {
        List<String> ids = List.of(newId(), newId(), newId());
        for (String id : ids) {
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.status(503), Fault.status(503));
            assertThat(IdempotencyHttpTest.post(first, id, Map.of()).statusCode()).isEqualTo(502);
        }
        String letter = json(second.get("/api/v1/dead-letters?customerId=" + ids.get(0))).at("/items/0/id").asText();
        String cause = json(second.get("/api/v1/dead-letters/" + letter)).path("error").asText();
        JsonNode groups = json(second.get("/api/v1/dead-letter-groups?vendor=syntch"));
        assertThat(groups.path("groups")).anySatisfy(group -> {
            assertThat(group.path("error").asText()).isEqualTo(cause);
            assertThat(group.path("letters").asLong()).isGreaterThanOrEqualTo(3);
        });
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        String group = "{\"vendor\":\"syntch\",\"error\":" + Fixtures.CODECS.json().writeValueAsString(cause) + "}";
        CompletableFuture<HttpResponse<String>> onFirst = CompletableFuture.supplyAsync(
                () -> first.post("/api/v1/dead-letters/replay", "application/json", group));
        CompletableFuture<HttpResponse<String>> onSecond = CompletableFuture.supplyAsync(
                () -> second.post("/api/v1/dead-letters/replay", "application/json", group));
        assertThat(List.of(onFirst.join(), onSecond.join())).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        for (String id : ids) {
            assertThat(vendors.syntch.customer(id)).isNotNull();
        }
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).as("one create per customer").isEqualTo(ids.size());
        assertThat(json(second.get("/api/v1/dead-letters?customerId=" + ids.get(2))).at("/items/0/state").asText())
                .isEqualTo("REPLAYED");
    }

    private static HttpResponse<String> replay(RunningGateway gateway, String letterId) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/api/v1/dead-letters/" + letterId + "/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.ledger.url", SERVER + "?currentSchema=" + SCHEMA);
        settings.put("gateway.ledger.username", "postgres");
        settings.put("gateway.retry.max-attempts", "2");
        settings.putAll(TestVendors.BREAKER_NEVER_OPENS);
        return settings;
    }
}
