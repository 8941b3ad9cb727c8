-- A record expires gateway.idempotency.ttl-hours after it was created, by the setting in force when it
-- is looked at or purged, not by one stamped when it was written (lowering the setting expires older
-- records at once). The purge now looks by creation time. Both engines run this unchanged.
DROP INDEX idempotency_by_expiry;
CREATE INDEX idempotency_by_creation ON idempotency_record (created_at);
ALTER TABLE idempotency_record DROP COLUMN expires_at;
