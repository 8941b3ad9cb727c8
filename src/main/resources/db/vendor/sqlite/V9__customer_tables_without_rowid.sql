-- SQLite: the customer tables keyed by their primary key alone (WITHOUT ROWID), so a customer's id is
-- kept once per row instead of in the row and again in a separate index: with customer_document (V8)
-- the bytes per customer remembered would otherwise have grown. PostgreSQL has no such choice.
CREATE TABLE customer_record_by_key (
    customer_id         VARCHAR(200) NOT NULL,
    vendor              VARCHAR(20)  NOT NULL,
    vendor_customer_id  VARCHAR(100),
    status              VARCHAR(20)  NOT NULL,
    way_in              VARCHAR(20)  NOT NULL,
    recorded_at         BIGINT       NOT NULL,
    attempts            INTEGER,
    PRIMARY KEY (customer_id, vendor)
) WITHOUT ROWID;
INSERT INTO customer_record_by_key SELECT customer_id, vendor, vendor_customer_id, status, way_in, recorded_at, attempts
FROM customer_record;
DROP TABLE customer_record;
ALTER TABLE customer_record_by_key RENAME TO customer_record;
CREATE TABLE customer_document_by_key (
    customer_id  VARCHAR(200) PRIMARY KEY,
    customer     TEXT         NOT NULL
) WITHOUT ROWID;
INSERT INTO customer_document_by_key SELECT customer_id, customer FROM customer_document;
DROP TABLE customer_document;
ALTER TABLE customer_document_by_key RENAME TO customer_document;
