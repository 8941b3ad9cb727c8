package org.customergateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.OutcomeStatus;

/** Dead letters in the ledger: stored by every way in, listed, replayed once, discarded. */
public final class DeadLetterStore {

    /** A page of letters, newest first. */
    public record Page(List<DeadLetter> items, int page, int size, long total) {
    }

    /** Which letters to list; null fields do not filter. */
    public record Filter(String vendor, String state, String wayIn, String customerId, String error,
                         OffsetDateTime since, OffsetDateTime until) {

        /** Every letter. */
        public static Filter all() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    /**
     * Letters of one vendor that failed with the same error text: what one outage or one bad field
     * makes, to be looked at and replayed together.
     */
    public record Group(String vendor, String error, long letters, OffsetDateTime newestAt, OffsetDateTime oldestAt) {
    }

    /** Groups listed at most, newest first: more than this many causes at once is no outage to replay as one. */
    private static final int MAX_GROUPS = 200;

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public DeadLetterStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Keeps a customer a vendor could not take. A customer that is already waiting as a dead letter for
     * this vendor is not kept twice: that letter is brought up to date (the new body, error and attempts)
     * and its id returned, so that one replay settles it.
     */
    public String store(String wayIn, String vendor, String sourceSchema, String contentType, byte[] body,
                        Map<String, String> headers, String customerId, String correlationId, String error, int attempts)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String waiting = customerId == null ? null : waitingFor(connection, vendor, customerId);
            if (waiting != null && update(connection, waiting, wayIn, sourceSchema, contentType, body, headers,
                    correlationId, error, attempts)) {
                return waiting;
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter (id, created_at, way_in, vendor, "
                    + "source_schema, content_type, body, headers, customer_id, correlation_id, error, attempts, state) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING')")) {
                insert.setString(1, id);
                insert.setLong(2, System.currentTimeMillis());
                insert.setString(3, wayIn);
                insert.setString(4, vendor);
                insert.setString(5, sourceSchema);
                insert.setString(6, contentType);
                insert.setString(7, new String(body, StandardCharsets.UTF_8));
                insert.setString(8, write(headers));
                insert.setString(9, customerId);
                insert.setString(10, correlationId);
                insert.setString(11, error);
                insert.setInt(12, attempts);
                insert.executeUpdate();
            }
            return id;
        }
    }

    private static String waitingFor(Connection connection, String vendor, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM dead_letter "
                + "WHERE vendor = ? AND customer_id = ? AND state = 'WAITING' ORDER BY created_at DESC")) {
            select.setString(1, vendor);
            select.setString(2, customerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** @return false when the letter stopped waiting meanwhile (replayed or discarded) */
    private boolean update(Connection connection, String id, String wayIn, String sourceSchema, String contentType,
                           byte[] body, Map<String, String> headers, String correlationId, String error, int attempts)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE dead_letter SET created_at = ?, way_in = ?, "
                + "source_schema = ?, content_type = ?, body = ?, headers = ?, correlation_id = ?, error = ?, attempts = ? "
                + "WHERE id = ? AND state = 'WAITING'")) {
            update.setLong(1, System.currentTimeMillis());
            update.setString(2, wayIn);
            update.setString(3, sourceSchema);
            update.setString(4, contentType);
            update.setString(5, new String(body, StandardCharsets.UTF_8));
            update.setString(6, write(headers));
            update.setString(7, correlationId);
            update.setString(8, error);
            update.setInt(9, attempts);
            update.setString(10, id);
            return update.executeUpdate() == 1;
        }
    }

    public DeadLetter find(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM dead_letter WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? read(row) : null;
            }
        }
    }

    public Page list(Filter filter, int page, int size) throws SQLException {
        long total = count(filter);
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(size);
        parameters.add((long) page * size);
        List<DeadLetter> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection,
                     "SELECT * FROM dead_letter" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?", parameters);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                items.add(read(rows).summary());
            }
        }
        return new Page(items, page, size, total);
    }

    /** The letters matching the filter grouped by vendor and error text, the group with the newest letter first. */
    public List<Group> groups(Filter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(MAX_GROUPS);
        List<Group> groups = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, "SELECT vendor, error, COUNT(*) AS letters, "
                     + "MAX(created_at) AS newest, MIN(created_at) AS oldest FROM dead_letter" + where
                     + " GROUP BY vendor, error ORDER BY newest DESC, vendor, error LIMIT ?", parameters);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                groups.add(new Group(rows.getString("vendor"), rows.getString("error"), rows.getLong("letters"),
                        LedgerTime.read(rows, "newest"), LedgerTime.read(rows, "oldest")));
            }
        }
        return groups;
    }

    /** How many letters match the filter. */
    public long count(Filter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM dead_letter" + where, parameters);
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The ids of the letters matching the filter, oldest first (the order they failed in), at most {@code limit}. */
    public List<String> ids(Filter filter, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(limit);
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, "SELECT id FROM dead_letter" + where
                     + " ORDER BY created_at, id LIMIT ?", parameters);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static String where(Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        equal(where, parameters, "vendor", filter.vendor());
        equal(where, parameters, "state", filter.state());
        equal(where, parameters, "way_in", filter.wayIn());
        equal(where, parameters, "customer_id", filter.customerId());
        equal(where, parameters, "error", filter.error());
        if (filter.since() != null) {
            where.append(" AND created_at >= ?");
            parameters.add(LedgerTime.millis(filter.since()));
        }
        if (filter.until() != null) {
            where.append(" AND created_at < ?");
            parameters.add(LedgerTime.millis(filter.until()));
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    /**
     * A replay of the letter came back: when its customer now exists at the vendor (created, or found
     * there), the letter is marked replayed with that result, unless the result was itself a repeat (the
     * replay that dispatched marks it).
     *
     * @return whether the customer exists now
     */
    public boolean settleReplay(String id, DispatchResult result) throws SQLException {
        boolean created = result.outcomes().stream().allMatch(o -> o.status() == OutcomeStatus.CREATED
                || o.status() == OutcomeStatus.ALREADY_EXISTS);
        if (created && !result.replayed()) {
            try {
                transition(id, DeadLetter.REPLAYED, json.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a replay's result cannot be written for the ledger", e);
            }
        }
        return created;
    }

    /** @return true when the letter was waiting and is now discarded */
    public boolean discard(String id) throws SQLException {
        return transition(id, DeadLetter.DISCARDED, null);
    }

    /** A replay that failed again: the letter keeps waiting, with the new error. */
    public void recordFailedReplay(String id, String error, int attempts) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE dead_letter SET error = ?, attempts = attempts + ? WHERE id = ? AND state = 'WAITING'")) {
            update.setString(1, error);
            update.setInt(2, attempts);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    /** Letters waiting, for the operators' gauge. */
    public long waiting() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM dead_letter WHERE state = 'WAITING'");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private boolean transition(String id, String state, String result) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE dead_letter SET state = ?, replayed_at = ?, "
                     + "replay_result = ? WHERE id = ? AND state = 'WAITING'")) {
            update.setString(1, state);
            update.setLong(2, System.currentTimeMillis());
            update.setString(3, result);
            update.setString(4, id);
            return update.executeUpdate() == 1;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private DeadLetter read(ResultSet row) throws SQLException {
        return new DeadLetter(row.getString("id"), LedgerTime.read(row, "created_at"),
                row.getString("way_in"), row.getString("vendor"), row.getString("source_schema"),
                row.getString("content_type"), row.getString("body"), readHeaders(row.getString("headers")),
                row.getString("customer_id"), row.getString("correlation_id"), row.getString("error"),
                row.getInt("attempts"), row.getString("state"), LedgerTime.read(row, "replayed_at"),
                row.getString("replay_result"));
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readHeaders(String text) {
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
