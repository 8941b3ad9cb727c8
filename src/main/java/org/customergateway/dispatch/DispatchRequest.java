package org.customergateway.dispatch;

import org.customergateway.mapping.SchemaName;

/**
 * One customer on its way through {@code direct:customer-dispatch}, whatever the way in: the document as
 * its schema reads it, where it goes, and how the ledger knows it again.
 *
 * @param explicitKey the caller's Idempotency-Key, or null to derive one (target, customerId, body hash)
 * @param idempotent  false for the vendor facades, whose clients keep their own vendor's semantics
 * @param origin      the customer as it came: what identifies it, and what a dead letter keeps
 */
public record DispatchRequest(SchemaName schema, Object document, Target target, String correlationId,
                              boolean includeRaw, Origin origin, String explicitKey, boolean idempotent) {
}
