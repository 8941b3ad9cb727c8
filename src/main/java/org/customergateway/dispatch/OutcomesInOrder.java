package org.customergateway.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers the vendor sinks' outcomes, in the order of the target's vendors, into the customer's
 * {@link DispatchResult} (the recipient list of {@code routes/customer-dispatch-action}). A sink that
 * failed outright (not an outcome: the ledger could not be written, say) fails the dispatch.
 */
public final class OutcomesInOrder implements AggregationStrategy {

    private static final String OUTCOMES = "GatewayOutcomes";

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange gathered, Exchange sink) {
        Exchange into = gathered == null ? sink : gathered;
        List<Outcome> outcomes = into.getProperty(OUTCOMES, List.class);
        if (outcomes == null) {
            outcomes = new ArrayList<>(2);
            into.setProperty(OUTCOMES, outcomes);
        }
        if (sink.getException() != null) {
            into.setException(sink.getException());
        } else {
            outcomes.add(sink.getMessage().getBody(Outcome.class));
        }
        return into;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onCompletion(Exchange result, Exchange input) {
        if (result == null || result.getException() != null) {
            return;
        }
        DispatchRequest request = result.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        List<Outcome> outcomes = result.getProperty(OUTCOMES, List.class);
        result.removeProperty(OUTCOMES);
        // the caller's headers (JMSReplyTo, the HTTP request's), not the last vendor answer's
        result.getMessage().getHeaders().clear();
        result.getMessage().getHeaders().putAll(input.getMessage().getHeaders());
        result.getMessage().setBody(new DispatchResult(request.correlationId(),
                result.getProperty(DispatchProperties.CUSTOMER_ID, String.class), false,
                outcomes.stream().map(o -> request.includeRaw() ? o : o.withoutRaw()).toList()));
    }
}
