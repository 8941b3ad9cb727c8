package org.customergateway.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The idempotency records, in SQL that SQLite and PostgreSQL both run. Only the primary key decides who
 * dispatches: of several requests inserting the same key at once, on one instance or many, exactly one
 * insert succeeds.
 */
public final class IdempotencyStore {

    /** What a request finds when it asks to handle a key. */
    public sealed interface Claim {
        /** This request owns the key and must dispatch, then {@link #complete}. */
        record Owned() implements Claim {
        }

        /** Done before: the stored answer. */
        record Done(int httpStatus, String result) implements Claim {
        }

        /** Another request holds the key and has not finished. */
        record InProgress() implements Claim {
        }

        /** The key was used with another body. */
        record Conflict() implements Claim {
        }
    }

    private final LedgerWriter writer;
    private final Duration instanceTimeout;

    /**
     * @param instanceTimeout an instance whose heartbeat ({@link InstanceHeartbeat}) is older than this
     *                        is gone: its claims are taken over at once, lease or not
     */
    public IdempotencyStore(LedgerWriter writer, Duration instanceTimeout) {
        this.writer = writer;
        this.instanceTimeout = instanceTimeout;
    }

    /**
     * Completes once committed (on the ledger's writer: whoever waits for it goes on elsewhere): an Owned
     * claim is this instance's alone, on every instance.
     */
    public CompletableFuture<Claim> claim(String key, String requestHash, String owner, Duration lease, Duration ttl) {
        return writer.submit(key, statements -> claim(statements, key, requestHash, owner, lease, ttl));
    }

    private Claim claim(LedgerWriter.Statements statements, String key, String requestHash, String owner, Duration lease,
                        Duration ttl) throws SQLException {
        long now = System.currentTimeMillis();
        if (insert(statements, key, requestHash, owner, now, lease)) {
            return new Claim.Owned();
        }
        // taken: by an expired record, which no longer counts, or by a live one
        // expired by the TTL in force now (a lowered setting expires older records at once)
        PreparedStatement expired = statements.prepared("DELETE FROM idempotency_record WHERE idem_key = ? AND created_at < ?");
        expired.setString(1, key);
        expired.setLong(2, now - ttl.toMillis());
        if (expired.executeUpdate() == 1 && insert(statements, key, requestHash, owner, now, lease)) {
            return new Claim.Owned();
        }
        PreparedStatement select = statements.prepared(
                "SELECT request_hash, state, http_status, result, lease_until, owner FROM idempotency_record WHERE idem_key = ?");
        select.setString(1, key);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                // deleted meanwhile (expired): try once more from the start
                return insert(statements, key, requestHash, owner, now, lease) ? new Claim.Owned() : new Claim.InProgress();
            }
            if (!row.getString("request_hash").equals(requestHash)) {
                return new Claim.Conflict();
            }
            if ("DONE".equals(row.getString("state"))) {
                return new Claim.Done(row.getInt("http_status"), CompactJson.unpack(row.getString("result")));
            }
            long leaseUntil = row.getLong("lease_until");
            String holder = row.getString("owner");
            boolean abandoned = leaseUntil < now || !holder.equals(owner) && isGone(statements, holder, now);
            if (abandoned && takeOver(statements, key, holder, owner, now, lease)) {
                return new Claim.Owned();
            }
            return new Claim.InProgress();
        }
    }

    /** Completes once committed: a replay from then on answers this result. */
    public CompletableFuture<Integer> complete(String key, String owner, int httpStatus, String result) {
        return writer.submit(key, statements -> {
            PreparedStatement update = statements.prepared(
                    "UPDATE idempotency_record SET state = 'DONE', http_status = ?, result = ? WHERE idem_key = ? AND owner = ?");
            update.setInt(1, httpStatus);
            update.setString(2, CompactJson.pack(result.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            update.setString(3, key);
            update.setString(4, owner);
            return update.executeUpdate();
        });
    }

    /** Gives a key up when its dispatch could not even start, so that a retry is not refused. */
    public CompletableFuture<Integer> release(String key, String owner) {
        return writer.submit(key, statements -> {
            PreparedStatement delete = statements.prepared(
                    "DELETE FROM idempotency_record WHERE idem_key = ? AND owner = ? AND state = 'IN_PROGRESS'");
            delete.setString(1, key);
            delete.setString(2, owner);
            return delete.executeUpdate();
        });
    }

    /** @return false when the key is taken: the primary key decides, on one instance or many */
    private static boolean insert(LedgerWriter.Statements statements, String key, String requestHash, String owner,
                                  long now, Duration lease) throws SQLException {
        PreparedStatement insert = statements.prepared("INSERT INTO idempotency_record "
                + "(idem_key, request_hash, state, owner, created_at, lease_until) "
                + "VALUES (?, ?, 'IN_PROGRESS', ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING");
        insert.setString(1, key);
        insert.setString(2, requestHash);
        insert.setString(3, owner);
        insert.setLong(4, now);
        insert.setLong(5, now + lease.toMillis());
        return insert.executeUpdate() == 1;
    }

    /** The instance has not said it is alive for longer than the timeout, or never registered (it stopped). */
    private boolean isGone(LedgerWriter.Statements statements, String instance, long now) throws SQLException {
        PreparedStatement select = statements.prepared("SELECT heartbeat_at FROM ledger_instance WHERE instance_id = ?");
        select.setString(1, instance);
        try (ResultSet row = select.executeQuery()) {
            return !row.next() || row.getLong("heartbeat_at") < now - instanceTimeout.toMillis();
        }
    }

    /** Only one of several takers wins: the update holds only while the claim is still the old holder's. */
    private static boolean takeOver(LedgerWriter.Statements statements, String key, String holder, String owner, long now,
                                    Duration lease) throws SQLException {
        PreparedStatement update = statements.prepared("UPDATE idempotency_record SET owner = ?, lease_until = ? "
                + "WHERE idem_key = ? AND state = 'IN_PROGRESS' AND owner = ?");
        update.setString(1, owner);
        update.setLong(2, now + lease.toMillis());
        update.setString(3, key);
        update.setString(4, holder);
        return update.executeUpdate() == 1;
    }
}
