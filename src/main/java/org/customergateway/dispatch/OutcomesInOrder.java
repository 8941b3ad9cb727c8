package org.customergateway.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers the vendor sinks' outcomes, in the order of the target's vendors, into the customer's
 * {@link DispatchResult} (the recipient list of {@code routes/customer-dispatch-action}). A sink that
 * failed outright (not an outcome: the ledger could not be written, say) fails the dispatch.
 * <p>
 * The outcomes are gathered into the dispatch's own exchange, which each sink's copy left untouched
 * (its headers, JMSReplyTo or the HTTP request's, and its properties): Camel then has nothing to copy
 * back from a sink's exchange when the list is done (that copy, and putting the caller's headers back
 * after it, were 1.8 % of an HTTP create's CPU, BENCHMARKS.md session 13).
 */
public final class OutcomesInOrder implements AggregationStrategy {

    private static final String OUTCOMES = "GatewayOutcomes";

    @Override
    public Exchange aggregate(Exchange gathered, Exchange sink) {
        throw new UnsupportedOperationException("a recipient list gathers with the dispatch's own exchange");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange gathered, Exchange sink, Exchange dispatch) {
        List<Outcome> outcomes = dispatch.getProperty(OUTCOMES, List.class);
        if (outcomes == null) {
            outcomes = new ArrayList<>(2);
            dispatch.setProperty(OUTCOMES, outcomes);
        }
        if (sink.getException() != null) {
            dispatch.setException(sink.getException());
        } else {
            outcomes.add(sink.getMessage().getBody(Outcome.class));
        }
        return dispatch;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onCompletion(Exchange dispatch, Exchange input) {
        if (dispatch == null || dispatch.getException() != null) {
            return;
        }
        DispatchRequest request = dispatch.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        List<Outcome> outcomes = dispatch.getProperty(OUTCOMES, List.class);
        dispatch.removeProperty(OUTCOMES);
        dispatch.getMessage().setBody(new DispatchResult(request.correlationId(),
                dispatch.getProperty(DispatchProperties.CUSTOMER_ID, String.class), false,
                outcomes.stream().map(o -> request.includeRaw() ? o : o.withoutRaw()).toList()));
    }
}
