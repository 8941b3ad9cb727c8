package org.customergateway.ledger;

import org.apache.camel.Exchange;
import org.customergateway.dispatch.DispatchProperties;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.translation.Translator;

/**
 * The ledger's steps in {@code routes/customer-dispatch-action}, the same for every way in: a customer's
 * identity is the caller's key, else target, customerId and a hash of the customer as it came; a
 * repeat is answered from the ledger (SPEC 6), a claim whose dispatch failed is given up.
 */
public final class DispatchLedger {

    private final Translator translator;
    private final Idempotency idempotency;

    public DispatchLedger(Translator translator, Idempotency idempotency) {
        this.translator = translator;
        this.idempotency = idempotency;
    }

    /**
     * Claims the request in the body for this dispatch; when it was handled before, the body becomes its
     * stored result and {@value DispatchProperties#REPLAYED} is set.
     *
     * @throws Idempotency.KeyReusedException       when the key was used with another request
     * @throws Idempotency.StillInProgressException when the first request with this key is still running
     */
    private static final String REPLAY_KEY = "replay:";

    public void claim(Exchange exchange) {
        DispatchRequest request = exchange.getMessage().getBody(DispatchRequest.class);
        exchange.setProperty(DispatchProperties.STARTED, System.nanoTime());
        exchange.setProperty(DispatchProperties.REQUEST, request);
        exchange.setProperty(DispatchProperties.CUSTOMER_ID, customerId(request));
        exchange.setProperty(DispatchProperties.SINKS, request.target().sinks());
        if (!request.idempotent()) {
            return;
        }
        Idempotency.Answer earlier = idempotency.claim(key(exchange), requestHash(request));
        if (earlier != null) {
            exchange.setProperty(DispatchProperties.REPLAYED, true);
            exchange.getMessage().setBody(earlier.result());
        }
    }

    /** Records the result in the body (or gives the claim up when a vendor failed: not final). */
    public void settle(Exchange exchange) {
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        if (request.idempotent()) {
            idempotency.settle(key(exchange), exchange.getMessage().getBody(DispatchResult.class));
        }
    }

    /** The dispatch failed: the claim is given up so that a repeat may try at once, and the failure goes on. */
    public void release(Exchange exchange) throws Exception {
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        if (request != null && request.idempotent()) {
            idempotency.release(key(exchange));
        }
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private String key(Exchange exchange) {
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        if (request.origin().replayOf() != null) {
            // a dead letter's replay, keyed by the letter and its try in a namespace of its own: no caller's
            // Idempotency-Key can take its place
            return REPLAY_KEY + request.explicitKey();
        }
        if (request.explicitKey() != null && !request.explicitKey().isBlank()) {
            return Idempotency.EXPLICIT_KEY + request.explicitKey();
        }
        return "derived:" + request.target().id() + ":" + exchange.getProperty(DispatchProperties.CUSTOMER_ID, String.class)
                + ":" + requestHash(request);
    }

    private static String requestHash(DispatchRequest request) {
        return Idempotency.sha256(request.target().id(), request.origin().body());
    }

    /** The customer's id as the canonical schema names it. */
    public String customerId(DispatchRequest request) {
        return translator.schema(request.schema()).toCanonical(request.document()).value().customerId();
    }
}
