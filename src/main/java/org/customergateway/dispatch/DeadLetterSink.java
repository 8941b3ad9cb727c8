package org.customergateway.dispatch;

import org.customergateway.mapping.SchemaName;

/** Where a customer goes when a vendor could not take it: the ledger's dead letters. */
public interface DeadLetterSink {

    /**
     * Keeps the customer as it came in, for {@code vendor}, or, for a replay that failed again, updates
     * the letter it came from.
     *
     * @return the dead letter's id
     */
    String keep(Origin origin, Vendor vendor, SchemaName schema, String customerId, String correlationId, Outcome failed);
}
