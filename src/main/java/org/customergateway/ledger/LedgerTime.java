package org.customergateway.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The ledger keeps every time as milliseconds since the epoch (UTC): one number that SQLite and
 * PostgreSQL store, compare and index alike.
 */
final class LedgerTime {

    private LedgerTime() {
    }

    static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    /** @return null when the column is NULL */
    static OffsetDateTime read(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
