package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request claimed by an instance that is gone (killed: its heartbeat stopped) is taken over by the
 * next repeat at once; one claimed by an instance still alive is not, whatever its lease.
 */
class ClaimTakeoverTest {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration TTL = Duration.ofHours(1);

    private final LedgerDatabase ledger = new LedgerDatabase("jdbc:sqlite:" + System.getProperty("java.io.tmpdir") + "/takeover-" + UUID.randomUUID() + ".db",
            "", "", 2);
    private final LedgerWriter writer = new LedgerWriter(ledger.dataSource(), 16, Duration.ZERO);
    private final IdempotencyStore store = new IdempotencyStore(writer, Duration.ofSeconds(15));

    @BeforeEach
    void start() {
        writer.start();
    }

    @AfterEach
    void close() {
        writer.stop();
        ledger.stop();
    }

    @Test
    void a_claim_of_an_instance_still_beating_stays_its_own() throws Exception {
        InstanceHeartbeat alive = new InstanceHeartbeat(ledger.dataSource(), "alive", Duration.ofSeconds(1));
        alive.start();
        try {
            assertThat(store.claim("k1", "h", "alive", LEASE, TTL).get()).isInstanceOf(IdempotencyStore.Claim.Owned.class);
            assertThat(store.claim("k1", "h", "other", LEASE, TTL).get()).isInstanceOf(IdempotencyStore.Claim.InProgress.class);
        } finally {
            alive.stop();
        }
    }

    @Test
    void a_claim_of_an_instance_gone_quiet_is_taken_over_once() throws Exception {
        InstanceHeartbeat killed = new InstanceHeartbeat(ledger.dataSource(), "killed", Duration.ofHours(1));
        killed.start();
        assertThat(store.claim("k2", "h", "killed", LEASE, TTL).get()).isInstanceOf(IdempotencyStore.Claim.Owned.class);
        try (Connection connection = ledger.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            // its last heartbeat a minute ago, and none since (as after a SIGKILL)
            statement.executeUpdate("UPDATE ledger_instance SET heartbeat_at = heartbeat_at - 60000"
                    + " WHERE instance_id = 'killed'");
        }
        InstanceHeartbeat restarted = new InstanceHeartbeat(ledger.dataSource(), "restarted", Duration.ofSeconds(1));
        restarted.start();
        try {
            assertThat(store.claim("k2", "h", "restarted", LEASE, TTL).get()).isInstanceOf(IdempotencyStore.Claim.Owned.class);
            assertThat(store.claim("k2", "h", "third", LEASE, TTL).get()).as("the new owner is alive: it keeps it")
                    .isInstanceOf(IdempotencyStore.Claim.InProgress.class);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void a_claim_of_an_instance_that_stopped_is_taken_over() throws Exception {
        InstanceHeartbeat stopped = new InstanceHeartbeat(ledger.dataSource(), "stopped", Duration.ofSeconds(1));
        stopped.start();
        assertThat(store.claim("k3", "h", "stopped", LEASE, TTL).get()).isInstanceOf(IdempotencyStore.Claim.Owned.class);
        stopped.stop();
        assertThat(store.claim("k3", "h", "next", LEASE, TTL).get()).isInstanceOf(IdempotencyStore.Claim.Owned.class);
    }
}
