package org.customergateway.dispatch;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.customergateway.mapping.SchemaName;

/**
 * The ways in that are still Java beans hand their customers to {@code direct:customer-dispatch} here,
 * until each of them is a route of its own (issue 12: the flow in the routes).
 */
public final class CustomerDispatcher {

    private final ProducerTemplate template;

    public CustomerDispatcher(ProducerTemplate template) {
        this.template = template;
    }

    /** A dispatch the ledger does not see (the vendor facades, a dead letter's replay under its own key). */
    public DispatchResult dispatch(SchemaName from, Object document, Target target, String correlationId,
                                   boolean includeRaw, Origin origin) {
        return send(new DispatchRequest(from, document, target, correlationId, includeRaw, origin, null, false));
    }

    public DispatchResult send(DispatchRequest request) {
        Exchange done = template.send("direct:customer-dispatch", exchange -> exchange.getMessage().setBody(request));
        if (done.getException() != null) {
            if (done.getException() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(done.getException().getMessage(), done.getException());
        }
        return done.getMessage().getBody(DispatchResult.class);
    }
}
