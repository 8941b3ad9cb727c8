package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Sleeper;
import org.customergateway.json.BodyFormat;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 6's idempotency on a real (SQLite) ledger, without HTTP: what is kept, what is given back, who waits. */
class IdempotencyTest {

    @TempDir
    Path dir;
    private LedgerDatabase ledger;
    private LedgerWriter writer;
    private Idempotency idempotency;
    private final AtomicInteger dispatches = new AtomicInteger();

    @BeforeEach
    void start() {
        ledger = new LedgerDatabase("jdbc:sqlite:" + dir.resolve("ledger.db"), "", "", 4);
        writer = new LedgerWriter(ledger.dataSource(), 16, Duration.ZERO);
        writer.start();
        idempotency = idempotency(Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        writer.stop();
        ledger.stop();
    }

    @Test
    void a_repeat_is_answered_from_the_ledger_unchanged_and_marked_replayed() {
        Idempotency.Answer first = idempotency.handle("key:k1", "h1", () -> result("corr-1", OutcomeStatus.CREATED));
        Idempotency.Answer repeat = idempotency.handle("key:k1", "h1", () -> result("corr-2", OutcomeStatus.CREATED));
        assertThat(dispatches).hasValue(1);
        assertThat(first.result().replayed()).isFalse();
        assertThat(first.httpStatus()).isEqualTo(201);
        assertThat(repeat.result().replayed()).isTrue();
        assertThat(repeat.httpStatus()).isEqualTo(201);
        assertThat(repeat.result().correlationId()).isEqualTo("corr-1");
        // the same document as the first answer (an empty list and an absent one read alike)
        JsonNode replayed = Fixtures.CODECS.json().valueToTree(repeat.result().outcomes());
        JsonNode original = Fixtures.CODECS.json().valueToTree(first.result().outcomes());
        assertThat(replayed).isEqualTo(original);
    }

    @Test
    void a_result_with_a_failed_vendor_is_not_kept_and_a_repeat_dispatches_again() {
        Idempotency.Answer failed = idempotency.handle("key:k2", "h", () -> result("c", OutcomeStatus.FAILED));
        assertThat(failed.httpStatus()).isEqualTo(502);
        assertThat(failed.result().outcomes().get(0).status()).isEqualTo(OutcomeStatus.FAILED);
        Idempotency.Answer repeat = idempotency.handle("key:k2", "h", () -> result("c", OutcomeStatus.CREATED));
        assertThat(dispatches).hasValue(2);
        assertThat(repeat.result().replayed()).isFalse();
    }

    @Test
    void a_dispatch_that_throws_gives_its_key_back() {
        assertThatThrownBy(() -> idempotency.handle("key:k3", "h", () -> {
            throw new IllegalStateException("vendor exploded");
        })).hasMessage("vendor exploded");
        Idempotency.Answer retry = idempotency.handle("key:k3", "h", () -> result("c", OutcomeStatus.CREATED));
        assertThat(retry.result().replayed()).isFalse();
        assertThat(dispatches).hasValue(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_naming_the_callers_key() {
        idempotency.handle("key:k4", "h-first", () -> result("c", OutcomeStatus.CREATED));
        assertThatThrownBy(() -> idempotency.handle("key:k4", "h-other", () -> result("c", OutcomeStatus.CREATED)))
                .isInstanceOf(Idempotency.KeyReusedException.class)
                .hasMessage("the Idempotency-Key 'k4' was used before with a different request");
        assertThat(dispatches).hasValue(1);
    }

    @Test
    void a_repeat_while_the_first_runs_waits_for_its_result() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Idempotency.Answer> first = CompletableFuture.supplyAsync(() -> idempotency.handle("key:k5", "h", () -> {
            running.countDown();
            await(finish);
            return result("first", OutcomeStatus.CREATED);
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        Idempotency patient = idempotency(Duration.ofSeconds(5));
        CompletableFuture<Idempotency.Answer> repeat = CompletableFuture.supplyAsync(
                () -> patient.handle("key:k5", "h", () -> result("second", OutcomeStatus.CREATED)));
        finish.countDown();
        assertThat(repeat.get(10, TimeUnit.SECONDS).result().correlationId()).isEqualTo("first");
        assertThat(repeat.get().result().replayed()).isTrue();
        assertThat(first.get().result().replayed()).isFalse();
        assertThat(dispatches).hasValue(1);
    }

    @Test
    void a_repeat_still_waiting_at_its_deadline_is_told_to_come_back() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> idempotency.handle("key:k6", "h", () -> {
            running.countDown();
            await(finish);
            return result("first", OutcomeStatus.CREATED);
        }));
        try {
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            // it waits (up to its 300 ms), then is told to come back: never forever
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> idempotency.handle("key:k6", "h", () -> result("second", OutcomeStatus.CREATED)))
                    .isInstanceOf(Idempotency.StillInProgressException.class));
            assertThat(dispatches).as("the waiting repeat never dispatched (the first is still running)").hasValue(0);
        } finally {
            finish.countDown();
        }
    }

    @Test
    void sha256_tells_prefix_and_body_apart() {
        assertThat(Idempotency.sha256("syntch", "{}".getBytes())).hasSize(43)
                .isEqualTo(Idempotency.sha256("syntch", "{}".getBytes()))
                .isNotEqualTo(Idempotency.sha256("both", "{}".getBytes()))
                .isNotEqualTo(Idempotency.sha256("syntch", "{ }".getBytes()));
        // the prefix ends where the body begins: ("ab", "c") is not ("a", "bc")
        assertThat(Idempotency.sha256("ab", "c".getBytes())).isNotEqualTo(Idempotency.sha256("a", "bc".getBytes()));
    }

    private Idempotency idempotency(Duration maxWait) {
        return new Idempotency(new IdempotencyStore(writer, Duration.ofSeconds(15)), Fixtures.CODECS.lenient(BodyFormat.JSON),
                "me", Duration.ofHours(1), Duration.ofMinutes(2), maxWait, Sleeper.REAL);
    }

    private DispatchResult result(String correlationId, OutcomeStatus status) {
        dispatches.incrementAndGet();
        return new DispatchResult(correlationId, "C-1", false, List.of(new Outcome("syntch", status,
                status == OutcomeStatus.CREATED ? 200 : null, status == OutcomeStatus.CREATED ? "5001" : null, 1,
                List.of("since: no place in Syntch, dropped"), List.of(), status == OutcomeStatus.FAILED ? "down" : null,
                null, null, null, false)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
