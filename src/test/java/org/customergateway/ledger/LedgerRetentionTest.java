package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md: the ledger's size follows what it holds: expired records and old settled letters go, waiting letters stay. */
class LedgerRetentionTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    @TempDir
    Path dir;
    private LedgerDatabase ledger;
    private LedgerWriter writer;
    private LedgerRetention retention;
    private DeadLetterStore letters;

    @BeforeEach
    void start() {
        ledger = new LedgerDatabase("jdbc:sqlite:" + dir.resolve("ledger.db"), "", "", 4);
        writer = new LedgerWriter(ledger.dataSource(), 64, Duration.ZERO);
        writer.start();
        retention = new LedgerRetention(writer, ledger, Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(1));
        letters = new DeadLetterStore(ledger.dataSource(), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        writer.stop();
        ledger.stop();
    }

    @Test
    void expired_records_and_settled_letters_past_retention_go_and_waiting_letters_stay() throws Exception {
        long now = System.currentTimeMillis();
        record("expired-done", "DONE", now - DAY - 1000);
        record("expired-claim", "IN_PROGRESS", now - DAY - 1000);
        record("live", "DONE", now - DAY + 60_000);
        String waitingForYears = letter("C-1");
        setLetter(waitingForYears, "WAITING", null, now - 400 * DAY);
        String replayedLongAgo = letter("C-2");
        setLetter(replayedLongAgo, "REPLAYED", now - 31 * DAY, now - 40 * DAY);
        String discardedLongAgo = letter("C-3");
        setLetter(discardedLongAgo, "DISCARDED", now - 31 * DAY, now - 40 * DAY);
        String replayedYesterday = letter("C-4");
        setLetter(replayedYesterday, "REPLAYED", now - DAY, now - 40 * DAY);

        assertThat(retention.purge()).isEqualTo(4);

        assertThat(keys()).containsExactly("live");
        assertThat(letters.find(waitingForYears)).isNotNull();
        assertThat(letters.find(replayedYesterday)).isNotNull();
        assertThat(letters.find(replayedLongAgo)).isNull();
        assertThat(letters.find(discardedLongAgo)).isNull();
    }

    @Test
    void a_lowered_ttl_expires_the_records_stored_under_the_higher_one_at_once() throws Exception {
        long now = System.currentTimeMillis();
        record("two-hours-old", "DONE", now - Duration.ofHours(2).toMillis());
        record("fresh", "DONE", now - 1000);
        LedgerRetention lowered = new LedgerRetention(writer, ledger, Duration.ofHours(1), Duration.ofDays(30),
                Duration.ofHours(1));

        assertThat(lowered.purge()).isEqualTo(1);
        assertThat(keys()).containsExactly("fresh");
    }

    @Test
    void the_file_does_not_grow_while_records_come_and_go() throws Exception {
        Path file = dir.resolve("ledger.db");
        String result = "x".repeat(600);
        fill(0, 5000, result);
        retention.purge();
        long afterFirst = size(file);
        for (int round = 1; round <= 3; round++) {
            fill(round * 5000, 5000, result);
            retention.purge();
        }
        assertThat(keys()).isEmpty();
        assertThat(size(file)).as("after four rounds of 5,000 records, each purged").isLessThanOrEqualTo(afterFirst + 64 * 1024);
        assertThat(size(file)).as("the emptied file gave its pages back").isLessThan(1024 * 1024);
    }

    private void fill(int from, int count, String result) throws SQLException {
        try (Connection connection = ledger.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_record (idem_key, request_hash, "
                    + "state, owner, http_status, result, created_at, lease_until) VALUES (?, 'h', 'DONE', 'me', 201, ?, ?, 0)")) {
                for (int i = from; i < from + count; i++) {
                    insert.setString(1, "key-" + i);
                    insert.setString(2, result);
                    insert.setLong(3, System.currentTimeMillis() - DAY - 1);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static long size(Path file) throws Exception {
        long size = Files.size(file);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal) ? size + Files.size(wal) : size;
    }

    private void record(String key, String state, long createdAt) throws SQLException {
        try (Connection connection = ledger.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_record (idem_key, request_hash, "
                     + "state, owner, created_at, lease_until) VALUES (?, 'h', ?, 'me', ?, 0)")) {
            insert.setString(1, key);
            insert.setString(2, state);
            insert.setLong(3, createdAt);
            insert.executeUpdate();
        }
    }

    private String letter(String customerId) throws SQLException {
        return letters.store("http", "syntch", "canonical", "application/json", "{}".getBytes(), Map.of(), customerId,
                "c", "down", 4);
    }

    private void setLetter(String id, String state, Long settledAt, long createdAt) throws SQLException {
        try (Connection connection = ledger.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE dead_letter SET state = ?, replayed_at = ?, created_at = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setObject(2, settledAt);
            update.setLong(3, createdAt);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    private java.util.List<String> keys() throws SQLException {
        java.util.List<String> keys = new java.util.ArrayList<>();
        try (Connection connection = ledger.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT idem_key FROM idempotency_record")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}
