-- Times are kept as milliseconds since the epoch (UTC), the same number on every engine: SQLite has no
-- time type, and a number compares and indexes the same everywhere.
ALTER TABLE idempotency_record
    ALTER COLUMN created_at TYPE BIGINT USING (EXTRACT(EPOCH FROM created_at) * 1000)::BIGINT,
    ALTER COLUMN lease_until TYPE BIGINT USING (EXTRACT(EPOCH FROM lease_until) * 1000)::BIGINT,
    ALTER COLUMN expires_at TYPE BIGINT USING (EXTRACT(EPOCH FROM expires_at) * 1000)::BIGINT;
ALTER TABLE dead_letter
    ALTER COLUMN created_at TYPE BIGINT USING (EXTRACT(EPOCH FROM created_at) * 1000)::BIGINT,
    ALTER COLUMN replayed_at TYPE BIGINT USING (EXTRACT(EPOCH FROM replayed_at) * 1000)::BIGINT;
ALTER TABLE ledger_instance
    ALTER COLUMN started_at TYPE BIGINT USING (EXTRACT(EPOCH FROM started_at) * 1000)::BIGINT,
    ALTER COLUMN heartbeat_at TYPE BIGINT USING (EXTRACT(EPOCH FROM heartbeat_at) * 1000)::BIGINT;
