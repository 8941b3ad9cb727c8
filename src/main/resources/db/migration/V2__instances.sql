-- The gateway instances using this ledger, each with the last time it said it was alive. A request
-- claimed by an instance that has gone quiet (killed, crashed) is taken over by the next repeat of it,
-- at once, instead of waiting for the claim's lease to run out.
CREATE TABLE ledger_instance (
    instance_id   VARCHAR(100) PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
