-- The ledger: what makes a customer created once and never lost, across restarts and instances.
-- Written to run unchanged on H2 (embedded default) and PostgreSQL (several instances).

-- One row per request identity (Idempotency-Key, or target + customerId + body hash). The primary key
-- is what lets only one of several simultaneous requests, on any instance, dispatch.
CREATE TABLE idempotency_record (
    idem_key      VARCHAR(400) PRIMARY KEY,
    request_hash  VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,   -- IN_PROGRESS, DONE
    owner         VARCHAR(100) NOT NULL,   -- the instance dispatching it
    http_status   INTEGER,
    result        TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until   TIMESTAMP WITH TIME ZONE NOT NULL,   -- an IN_PROGRESS past this was abandoned (a crash)
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A customer that could not be created at a vendor: everything needed to try again.
CREATE TABLE dead_letter (
    id             VARCHAR(36)  PRIMARY KEY,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    way_in         VARCHAR(20)  NOT NULL,   -- http, filedrop, esb
    vendor         VARCHAR(20)  NOT NULL,
    source_schema  VARCHAR(20)  NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    body           TEXT         NOT NULL,
    headers        TEXT         NOT NULL,   -- JSON object of the safe headers only; never credentials
    customer_id    VARCHAR(200),
    correlation_id VARCHAR(200),
    error          TEXT         NOT NULL,
    attempts       INTEGER      NOT NULL,
    state          VARCHAR(16)  NOT NULL,   -- WAITING, REPLAYED, DISCARDED
    replayed_at    TIMESTAMP WITH TIME ZONE,
    replay_result  TEXT
);

CREATE INDEX dead_letter_by_vendor_and_time ON dead_letter (vendor, created_at);
CREATE INDEX dead_letter_by_time ON dead_letter (created_at);
