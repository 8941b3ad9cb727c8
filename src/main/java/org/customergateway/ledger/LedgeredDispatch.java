package org.customergateway.ledger;

import org.customergateway.dispatch.CustomerDispatcher;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Target;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translator;

/** A dispatch through the ledger (its claim is the first step of {@code routes/customer-dispatch-action}). */
public final class LedgeredDispatch {

    private final Translator translator;
    private final CustomerDispatcher dispatcher;

    public LedgeredDispatch(Translator translator, CustomerDispatcher dispatcher) {
        this.translator = translator;
        this.dispatcher = dispatcher;
    }

    /**
     * @param explicitKey the caller's Idempotency-Key, or null
     * @throws Idempotency.KeyReusedException       when the key was used with another request
     * @throws Idempotency.StillInProgressException when the first request with this key is still running
     */
    public Idempotency.Answer dispatch(SchemaName schema, Object document, Target target, String explicitKey,
                                       String correlationId, boolean includeRaw, Origin origin) {
        DispatchResult result = dispatcher.send(new DispatchRequest(schema, document, target, correlationId, includeRaw,
                origin, explicitKey, true));
        return new Idempotency.Answer(result.httpStatus(), result);
    }

    /** The customer's id as the canonical schema names it. */
    public String customerId(SchemaName schema, Object document) {
        return translator.schema(schema).toCanonical(document).value().customerId();
    }
}
