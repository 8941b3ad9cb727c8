-- What the gateway remembers about each customer it created (or found already there), per vendor: the
-- vendor's id for it, how and when it went, and the customer itself as canonical JSON, from which the
-- facades answer a client's getCustomer. Kept for as long as the customer exists; both engines run this.
CREATE TABLE customer_record (
    customer_id         VARCHAR(200) NOT NULL,
    vendor              VARCHAR(20)  NOT NULL,
    vendor_customer_id  VARCHAR(100),
    status              VARCHAR(20)  NOT NULL,   -- CREATED, ALREADY_EXISTS
    way_in              VARCHAR(20)  NOT NULL,   -- http, filedrop, esb
    recorded_at         BIGINT       NOT NULL,
    customer            TEXT         NOT NULL,
    PRIMARY KEY (customer_id, vendor)
);
