package org.customergateway.syntch;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import io.vertx.core.http.HttpMethod;
import org.customergateway.dispatch.DispatchProperties;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.json.Codecs;
import org.customergateway.json.TextRules;

/** Syntch's create request, {@code POST /customers} with the gateway's credentials, as each attempt sends it. */
public final class SyntchRequests {

    private static final String JSON = "application/json";

    private final Codecs codecs;
    private final SyntchCredentials credentials;

    public SyntchRequests(Codecs codecs, SyntchCredentials credentials) {
        this.codecs = codecs;
        this.credentials = credentials;
    }

    /** The message body (a PostCustomer) becomes the request: JSON body, method, path and headers. */
    public void postCustomer(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        byte[] body = codecs.json().writeValueAsBytes(message.getBody());
        message.setHeader(Exchange.HTTP_METHOD, HttpMethod.POST);
        message.setHeader(Exchange.HTTP_PATH, "/customers");
        message.setHeader(Exchange.CONTENT_TYPE, JSON);
        message.setHeader("Accept", JSON);
        message.setHeader("Authorization", credentials.authorization());
        // a queue's correlation id may hold line breaks, which an HTTP header must not
        message.setHeader("X-Correlation-Id", TextRules.loggable(request.correlationId()));
        message.setBody(body);
    }
}
