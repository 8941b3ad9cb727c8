package org.customergateway.filedrop;

import org.customergateway.mapping.SchemaName;

/**
 * One record of a dropped file: the customer in the schema it was written in, and its identity (its
 * content as JSON, what idempotency and a dead letter keep), or why it could not be read (and its
 * customer id, when that much could be read).
 */
public record FileRecord(long number, SchemaName schema, Object document, byte[] identity, String error,
                         String readableCustomerId) {

    public FileRecord(long number, SchemaName schema, Object document, byte[] identity) {
        this(number, schema, document, identity, null, null);
    }

    public static FileRecord unreadable(long number, String error) {
        return new FileRecord(number, null, null, null, error, null);
    }

    /** A record refused although its customer id could be read: the report names it. */
    public static FileRecord refused(long number, String customerId, String error) {
        return new FileRecord(number, null, null, null, error, customerId);
    }

    public boolean isReadable() {
        return error == null;
    }
}
