package org.customergateway.ledger;

import org.customergateway.dispatch.CustomerDispatcher;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Target;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translator;

/**
 * Dispatch through the ledger, the same for every way in: a customer's identity is the caller's key,
 * else target, customerId and a hash of the customer as it came; a repeat is answered from the ledger.
 */
public final class LedgeredDispatch {

    private final Translator translator;
    private final CustomerDispatcher dispatcher;
    private final Idempotency idempotency;

    public LedgeredDispatch(Translator translator, CustomerDispatcher dispatcher, Idempotency idempotency) {
        this.translator = translator;
        this.dispatcher = dispatcher;
        this.idempotency = idempotency;
    }

    /**
     * @param document    the customer, read in its schema
     * @param explicitKey the caller's Idempotency-Key, or null
     * @param origin      the customer as it came: its body is what identifies it and what a dead letter keeps
     * @throws Idempotency.KeyReusedException       when the key was used with another request
     * @throws Idempotency.StillInProgressException when the first request with this key is still running
     */
    public Idempotency.Answer dispatch(SchemaName schema, Object document, Target target, String explicitKey,
                                       String correlationId, boolean includeRaw, Origin origin) {
        String requestHash = Idempotency.sha256(target.id(), origin.body());
        String key;
        if (explicitKey != null && !explicitKey.isBlank()) {
            key = Idempotency.EXPLICIT_KEY + explicitKey;
        } else {
            key = "derived:" + target.id() + ":" + customerId(schema, document) + ":" + requestHash;
        }
        return idempotency.handle(key, requestHash,
                () -> dispatcher.dispatch(schema, document, target, correlationId, includeRaw, origin));
    }

    /** The customer's id as the canonical schema names it. */
    public String customerId(SchemaName schema, Object document) {
        return translator.schema(schema).toCanonical(document).value().customerId();
    }
}
