package org.customergateway.dispatch;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import io.vertx.core.http.HttpMethod;

/**
 * Sends one {@link VendorRequest} through a vendor's route ({@code direct:simplepin-call},
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
        Exchange exchange = template.send(endpoint, ex -> {
            Message message = ex.getMessage();
            // the type vertx-http reads, not a String: converting one costs a converter search per call
            message.setHeader(Exchange.HTTP_METHOD, HttpMethod.valueOf(request.method()));
            message.setHeader(Exchange.HTTP_PATH, request.path());
            if (request.query() != null) {
                message.setHeader(Exchange.HTTP_QUERY, request.query());
            }
            if (request.contentType() != null) {
                message.setHeader(Exchange.CONTENT_TYPE, request.contentType());
            }
            if (request.accept() != null) {
                message.setHeader("Accept", request.accept());
            }
            request.headers().forEach(message::setHeader);
            message.setBody(request.body());
        });
        Exception error = exchange.getException();
        if (error == null) {
            return VendorReplies.read(exchange.getMessage());
        }
        return VendorReplies.forFailure(error);
    }
}
