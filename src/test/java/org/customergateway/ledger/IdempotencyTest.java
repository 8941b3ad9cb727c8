package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.json.BodyFormat;
import org.customergateway.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/flow.md's idempotency on a real (SQLite) ledger, without HTTP: what is kept, what is given back, who is told to wait. */
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
        idempotency = new Idempotency(new IdempotencyStore(writer, Duration.ofSeconds(15)),
                Fixtures.CODECS.lenient(BodyFormat.JSON), "me", Duration.ofHours(1), Duration.ofMinutes(2));
    }

    @AfterEach
    void stop() {
        writer.stop();
        ledger.stop();
    }

    @Test
    void a_repeat_is_answered_from_the_ledger_unchanged_and_marked_replayed() {
        Idempotency.Answer first = handle("key:k1", "h1", () -> result("corr-1", OutcomeStatus.CREATED));
        Idempotency.Answer repeat = handle("key:k1", "h1", () -> result("corr-2", OutcomeStatus.CREATED));
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
        Idempotency.Answer failed = handle("key:k2", "h", () -> result("c", OutcomeStatus.FAILED));
        assertThat(failed.httpStatus()).isEqualTo(502);
        assertThat(failed.result().outcomes().get(0).status()).isEqualTo(OutcomeStatus.FAILED);
        Idempotency.Answer repeat = handle("key:k2", "h", () -> result("c", OutcomeStatus.CREATED));
        assertThat(dispatches).hasValue(2);
        assertThat(repeat.result().replayed()).isFalse();
    }

    @Test
    void a_dispatch_that_throws_gives_its_key_back() {
        assertThatThrownBy(() -> handle("key:k3", "h", () -> {
            throw new IllegalStateException("vendor exploded");
        })).hasMessage("vendor exploded");
        Idempotency.Answer retry = handle("key:k3", "h", () -> result("c", OutcomeStatus.CREATED));
        assertThat(retry.result().replayed()).isFalse();
        assertThat(dispatches).hasValue(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_naming_the_callers_key() {
        handle("key:k4", "h-first", () -> result("c", OutcomeStatus.CREATED));
        assertThatThrownBy(() -> handle("key:k4", "h-other", () -> result("c", OutcomeStatus.CREATED)))
                .isInstanceOf(Idempotency.KeyReusedException.class)
                .hasMessage("the Idempotency-Key 'k4' was used before with a different request");
        assertThat(dispatches).hasValue(1);
    }

    @Test
    void a_repeat_while_the_first_runs_is_told_so_and_answered_once_the_first_has_its_result() {
        assertThat(claim("key:k5", "h")).as("the first owns the key").isNull();
        // the dispatch route asks again on a schedule while the caller may wait (IdempotencyHttpTest)
        assertThatThrownBy(() -> claim("key:k5", "h")).isInstanceOf(Idempotency.StillInProgressException.class);
        settle("key:k5", result("first", OutcomeStatus.CREATED));
        Idempotency.Answer repeat = claim("key:k5", "h");
        assertThat(repeat.result().correlationId()).isEqualTo("first");
        assertThat(repeat.result().replayed()).isTrue();
    }

    /** The ledger's writer completes the commit; each step's own work after it runs where its caller said. */
    @Test
    void each_step_goes_on_where_its_caller_said_never_on_the_ledgers_writer() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, "the-callers"));
        List<String> ranOn = new CopyOnWriteArrayList<>();
        Executor callers = task -> pool.execute(() -> {
            ranOn.add(Thread.currentThread().getName());
            task.run();
        });
        try {
            idempotency.claim("key:k6", "h", callers).get();
            idempotency.settle("key:k6", result("c", OutcomeStatus.CREATED), callers).get();
            idempotency.claim("key:k7", "h", callers).get();
            idempotency.release("key:k7", callers).get();
            assertThatThrownBy(() -> idempotency.claim("key:k6", "other", callers).get())
                    .hasCauseInstanceOf(Idempotency.KeyReusedException.class);
            assertThat(ranOn).containsExactly("the-callers", "the-callers", "the-callers", "the-callers", "the-callers");
        } finally {
            pool.shutdownNow();
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

    /** The dispatch route's steps around a dispatch: claim, dispatch, settle (or release when it throws). */
    private Idempotency.Answer handle(String key, String requestHash, Supplier<DispatchResult> dispatch) {
        Idempotency.Answer earlier = claim(key, requestHash);
        if (earlier != null) {
            return earlier;
        }
        DispatchResult result;
        try {
            result = dispatch.get();
        } catch (RuntimeException e) {
            idempotency.release(key, Runnable::run).join();
            throw e;
        }
        settle(key, result);
        return new Idempotency.Answer(result.httpStatus(), result);
    }

    private Idempotency.Answer claim(String key, String requestHash) {
        return awaited(idempotency.claim(key, requestHash, Runnable::run));
    }

    private void settle(String key, DispatchResult result) {
        awaited(idempotency.settle(key, result, Runnable::run));
    }

    /** The step's value once committed, or what it failed with (as the route sees it: unwrapped). */
    private static <T> T awaited(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private DispatchResult result(String correlationId, OutcomeStatus status) {
        dispatches.incrementAndGet();
        return new DispatchResult(correlationId, "C-1", false, List.of(new Outcome("syntch", status,
                status == OutcomeStatus.CREATED ? 200 : null, status == OutcomeStatus.CREATED ? "5001" : null, 1,
                List.of("since: no place in Syntch, dropped"), List.of(), status == OutcomeStatus.FAILED ? "down" : null,
                null, null, null, false)));
    }
}
