package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.json;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.customergateway.simulation.Fault;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency of POST /api/v1/customers over real HTTP, its records in the ledger (H2 here). */
class IdempotencyHttpTest {

    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();

    @Test
    void a_repeat_with_the_same_key_and_body_is_answered_from_the_ledger_and_sends_nothing() throws Exception {
        String id = newId();
        HttpResponse<String> first = post(gateway, id, Map.of("Idempotency-Key", "k-" + id, "X-Correlation-Id", "first-" + id));
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        HttpResponse<String> repeat = post(gateway, id, Map.of("Idempotency-Key", "k-" + id, "X-Correlation-Id", "again-" + id));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).path("replayed").asBoolean()).isFalse();
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(json(repeat).path("replayed").asBoolean()).isTrue();
        assertThat(json(repeat).path("outcomes")).isEqualTo(json(first).path("outcomes"));
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
        // the stored answer unchanged: the first request's correlation id in header and body, and marked
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(json(repeat).path("correlationId").asText()).isEqualTo("first-" + id);
        assertThat(repeat.headers().firstValue("X-Correlation-Id")).hasValue("first-" + id);
    }

    @Test
    void a_repeat_without_a_key_is_known_by_target_customer_id_and_body() throws Exception {
        String id = newId();
        post(gateway, id, Map.of());
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        HttpResponse<String> repeat = post(gateway, id, Map.of());
        assertThat(json(repeat).path("replayed").asBoolean()).isTrue();
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    @Test
    void the_same_key_with_another_body_is_refused_with_409() throws Exception {
        String id = newId();
        post(gateway, id, Map.of("Idempotency-Key", "k-" + id));
        byte[] other = new String(customer(id)).replace("Acme", "Other").getBytes();
        HttpResponse<String> reused = gateway.post("/api/v1/customers", "application/json", other,
                Map.of("Idempotency-Key", "k-" + id, "X-Gateway-Target", "syntch"));
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(reused).path("detail").asText()).contains("'k-" + id + "'").doesNotContain("key:");
    }

    @Test
    void the_same_key_for_another_target_is_another_request() throws Exception {
        String id = newId();
        post(gateway, id, Map.of("Idempotency-Key", "t-" + id));
        HttpResponse<String> otherTarget = gateway.post("/api/v1/customers", "application/json", customer(id),
                Map.of("Idempotency-Key", "t-" + id, "X-Gateway-Target", "simplepin"));
        assertThat(otherTarget.statusCode()).isEqualTo(409);
    }

    @Test
    void simultaneous_requests_with_one_key_dispatch_once_and_all_get_its_result() throws Exception {
        String id = newId();
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.slow(Duration.ofMillis(400)));
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> post(gateway, id, Map.of("Idempotency-Key", "c-" + id)), pool));
            }
            List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
            long fresh = responses.stream().filter(r -> !r.body().contains("\"replayed\":true")).count();
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(1);
    }

    @Test
    void a_repeat_waits_for_the_first_only_as_long_as_configured_then_is_told_to_come_back() throws Exception {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.idempotency.wait-seconds", "1");
        settings.put("gateway.http.timeout-ms", "5000");
        try (RunningGateway impatient = SETUP.start(settings)) {
            String id = newId();
            int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
            vendors.syntch.server().inject(POST_CUSTOMERS, Fault.slow(Duration.ofMillis(2500)));
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> post(impatient, id, Map.of("Idempotency-Key", "w-" + id)));
            await().atMost(Duration.ofSeconds(10)).until(() -> vendors.syntch.server().requests(POST_CUSTOMERS) > posts);

            long asked = System.nanoTime();
            HttpResponse<String> repeat = post(impatient, id, Map.of("Idempotency-Key", "w-" + id));
            long waitedMs = (System.nanoTime() - asked) / 1_000_000;

            assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(409);
            assertThat(repeat.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(repeat).path("detail").asText()).contains("still being handled");
            assertThat(waitedMs).as("it waited for the first before giving up").isGreaterThanOrEqualTo(900);
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            HttpResponse<String> later = post(impatient, id, Map.of("Idempotency-Key", "w-" + id));
            assertThat(json(later).path("replayed").asBoolean()).isTrue();
            assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).isEqualTo(1);
        }
    }

    @Test
    void a_record_is_forgotten_after_its_ttl() throws Exception {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.idempotency.ttl-hours", "0");
        try (RunningGateway forgetful = SETUP.start(settings)) {
            String id = newId();
            post(forgetful, id, Map.of("Idempotency-Key", "e-" + id));
            HttpResponse<String> later = post(forgetful, id, Map.of("Idempotency-Key", "e-" + id));
            assertThat(json(later).path("replayed").asBoolean()).isFalse();
            assertThat(json(later).at("/outcomes/0/status").asText()).isEqualTo("ALREADY_EXISTS");
        }
    }

    @Test
    void a_repeat_after_a_restart_is_still_answered_from_the_ledger(@TempDir Path dir) throws Exception {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.ledger.url", "jdbc:sqlite:" + dir.resolve("ledger.db").toAbsolutePath());
        String id = newId();
        try (RunningGateway before = SETUP.start(settings)) {
            assertThat(post(before, id, Map.of("Idempotency-Key", "r-" + id)).statusCode()).isEqualTo(201);
        }
        assertThat(Files.list(dir)).isNotEmpty();
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        try (RunningGateway after = SETUP.start(settings)) {
            HttpResponse<String> repeat = post(after, id, Map.of("Idempotency-Key", "r-" + id));
            assertThat(repeat.statusCode()).isEqualTo(201);
            assertThat(json(repeat).path("replayed").asBoolean()).isTrue();
        }
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(posts);
    }

    static HttpResponse<String> post(RunningGateway gateway, String id, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("X-Gateway-Target", "syntch");
        return gateway.post("/api/v1/customers", "application/json", customer(id), all);
    }
}
