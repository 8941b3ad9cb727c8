package org.customergateway.dispatch;

import io.vertx.core.http.HttpMethod;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One HTTP call to a vendor, relative to its base URL.
 *
 * @param query   the raw query string, or null
 * @param headers further headers (credentials, correlation id); never logged
 */
public record VendorRequest(String method, String path, String query, String contentType, String accept,
                            Map<String, String> headers, byte[] body) {

    /** The message becomes this request for {@code direct:<vendor>-call}: nothing else of it goes out. */
    public void writeTo(Message message) {
        message.removeHeaders("*");
        // the type vertx-http reads, not a String: converting one costs a converter search per call
        message.setHeader(Exchange.HTTP_METHOD, HttpMethod.valueOf(method));
        message.setHeader(Exchange.HTTP_PATH, path);
        if (query != null) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        }
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (accept != null) {
            message.setHeader("Accept", accept);
        }
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
