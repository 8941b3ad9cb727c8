package org.customergateway.filedrop;

import org.customergateway.mapping.SchemaName;

/**
 * One record of a dropped file: the customer in the schema it was written in, and its identity (its
 * content as JSON, what idempotency and a dead letter keep), or why it could not be read.
 */
public record FileRecord(long number, SchemaName schema, Object document, byte[] identity, String error) {

    public static FileRecord unreadable(long number, String error) {
        return new FileRecord(number, null, null, null, error);
    }

    public boolean isReadable() {
        return error == null;
    }
}
