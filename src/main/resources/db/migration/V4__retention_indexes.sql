-- What the background purge looks for: idempotency records past their expiry, and dead letters replayed
-- or discarded long enough ago. Both engines run this unchanged.
CREATE INDEX idempotency_by_expiry ON idempotency_record (expires_at);
CREATE INDEX dead_letter_by_state ON dead_letter (state, replayed_at);
