package org.customergateway.dispatch;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * For the background look-ups only (SimplePin's live tables, loaded by a timer thread of their own):
 * sends one {@link VendorRequest} through a vendor's route ({@code direct:simplepin-call},
 * {@code direct:syntch-call}: the HTTP call inside the vendor's circuit breaker) and turns whatever came
 * back, answer or exception, into a {@link VendorReply}.
 */
public final class VendorCall {

    private final ProducerTemplate template;
    private final String endpoint;

    public VendorCall(ProducerTemplate template, String endpoint) {
        this.template = template;
        this.endpoint = endpoint;
    }

    public VendorReply send(VendorRequest request) {
        Exchange exchange = template.send(endpoint, ex -> request.writeTo(ex.getMessage()));
        Exception error = exchange.getException();
        if (error == null) {
            return VendorReplies.read(exchange.getMessage());
        }
        return VendorReplies.forFailure(error);
    }
}
