package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on the embedded SQLite ledger: many callers, few commits, each caller told after its commit. */
class LedgerWriterTest {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration TTL = Duration.ofHours(1);

    @TempDir
    Path dir;
    private LedgerDatabase ledger;
    private LedgerWriter writer;
    private final ConcurrentLinkedQueue<Integer> batches = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() {
        ledger = new LedgerDatabase("jdbc:sqlite:" + dir.resolve("ledger.db"), "", "", 4);
        writer = new LedgerWriter(ledger.dataSource(), 64, Duration.ofMillis(2));
        writer.listener((size, nanos) -> batches.add(size));
        writer.start();
    }

    @AfterEach
    void stop() {
        writer.stop();
        ledger.stop();
    }

    @Test
    void simultaneous_claims_share_commits_and_each_is_committed_when_its_caller_goes_on() throws Exception {
        IdempotencyStore store = new IdempotencyStore(writer, Duration.ofSeconds(15));
        List<IdempotencyStore.Claim> claims = all(32, i -> {
            IdempotencyStore.Claim claim = store.claim("key-" + i, "h", "me", LEASE, TTL).get();
            // committed: another connection sees it at once
            assertThat(stateOf("key-" + i)).isEqualTo("IN_PROGRESS");
            return claim;
        });
        assertThat(claims).allMatch(claim -> claim instanceof IdempotencyStore.Claim.Owned);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(32);
        assertThat(batches.size()).as("commits for 32 claims").isLessThan(32);
    }

    @Test
    void of_simultaneous_claims_on_one_key_exactly_one_owns_it() throws Exception {
        IdempotencyStore store = new IdempotencyStore(writer, Duration.ofSeconds(15));
        List<IdempotencyStore.Claim> claims = all(16, i -> store.claim("one-key", "h", "me", LEASE, TTL).get());
        assertThat(claims).filteredOn(claim -> claim instanceof IdempotencyStore.Claim.Owned).hasSize(1);
        assertThat(claims).filteredOn(claim -> claim instanceof IdempotencyStore.Claim.InProgress).hasSize(15);
    }

    @Test
    void a_failing_write_fails_alone_and_its_batch_mates_commit() throws Exception {
        IdempotencyStore store = new IdempotencyStore(writer, Duration.ofSeconds(15));
        List<Object> outcomes = all(8, i -> {
            if (i == 3) {
                try {
                    return writer.write("bad", statements -> {
                        statements.prepared("INSERT INTO no_such_table VALUES (1)").executeUpdate();
                        return "never";
                    });
                } catch (SQLException expected) {
                    return expected;
                }
            }
            return store.claim("mate-" + i, "h", "me", LEASE, TTL).get();
        });
        assertThat(outcomes.get(3)).isInstanceOf(SQLException.class);
        for (int i = 0; i < 8; i++) {
            if (i != 3) {
                assertThat(stateOf("mate-" + i)).isEqualTo("IN_PROGRESS");
            }
        }
    }

    @Test
    void a_writer_whose_connection_broke_goes_on_with_a_new_one() throws Exception {
        assertThatThrownBy(() -> writer.write("breaks", statements -> {
            statements.prepared("SELECT 1").getConnection().close();
            return 1;
        })).isInstanceOf(SQLException.class);
        IdempotencyStore store = new IdempotencyStore(writer, Duration.ofSeconds(15));
        assertThat(store.claim("after-the-break", "h", "me", LEASE, TTL).get()).isInstanceOf(IdempotencyStore.Claim.Owned.class);
        assertThat(stateOf("after-the-break")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void unhurried_work_is_committed_in_the_next_batch_someone_waits_for() throws Exception {
        // a writer that is never idle long enough to commit the unhurried work by itself (it would after
        // 100 ms: on a slow machine, before the claim below arrived, and the claim would commit alone)
        writer.stop();
        writer = new LedgerWriter(ledger.dataSource(), 64, Duration.ofMillis(2), Duration.ofHours(1));
        writer.listener((size, nanos) -> batches.add(size));
        writer.start();
        IdempotencyStore store = new IdempotencyStore(writer, Duration.ofSeconds(15));
        CompletableFuture<Integer> unhurried = writer.submitUnhurried("u", insert("unhurried-1"));
        store.claim("prompt-1", "h", "me", LEASE, TTL).get();
        // its future may complete a moment after the claim's: a batch's futures complete in the batch's
        // order, which is by key (the claim's "prompt-1" before "u"); the one commit is what counts
        assertThat(unhurried.get(5, TimeUnit.SECONDS)).as("committed with the claim").isEqualTo(1);
        assertThat(stateOf("unhurried-1")).isEqualTo("IN_PROGRESS");
        assertThat(batches).as("one commit for both").containsExactly(2);
    }

    @Test
    void unhurried_work_alone_is_committed_within_the_writers_idle_time() throws Exception {
        assertThat(writer.submitUnhurried("u", insert("unhurried-2")).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(stateOf("unhurried-2")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void unhurried_work_given_before_a_stop_is_committed_by_it() throws Exception {
        CompletableFuture<Integer> unhurried = writer.submitUnhurried("u", insert("unhurried-3"));
        writer.stop();
        assertThat(unhurried.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(stateOf("unhurried-3")).isEqualTo("IN_PROGRESS");
    }

    private static LedgerWriter.Work<Integer> insert(String key) {
        return statements -> {
            PreparedStatement insert = statements.prepared("INSERT INTO idempotency_record "
                    + "(idem_key, request_hash, state, owner, created_at, lease_until) VALUES (?, 'h', 'IN_PROGRESS', 'me', 0, 0)");
            insert.setString(1, key);
            return insert.executeUpdate();
        };
    }

    @Test
    void a_stopped_writer_refuses_at_once() {
        writer.stop();
        assertThatThrownBy(() -> writer.write("k", statements -> 1)).isInstanceOf(SQLException.class);
    }

    private String stateOf(String key) throws SQLException {
        try (Connection connection = ledger.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state FROM idempotency_record WHERE idem_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private interface Call<T> {
        T call(int i) throws Exception;
    }

    /** Runs {@code calls} at once, released together. */
    private static <T> List<T> all(int calls, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                Callable<T> task = () -> {
                    go.await();
                    return call.call(n);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
