package org.customergateway.dispatch;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.vertx.http.DefaultVertxHttpBinding;
import org.apache.camel.component.vertx.http.VertxHttpEndpoint;

/**
 * vertx-http's binding, with the request target sent exactly as {@link VendorRequest} holds it: the
 * vendor's base path, then {@code CamelHttpPath} and {@code CamelHttpQuery}, both already percent-encoded
 * by whoever built the request. vertx-http's own binding decodes the query into parameters and encodes
 * them again, and sends the path decoded, so a caller's {@code %20} reached a vendor as {@code %2520}
 * and an encoded line break as a raw one. Bound as {@code verbatimRequestTarget} for the vendor calls.
 */
public final class VerbatimRequestTarget extends DefaultVertxHttpBinding {

    @Override
    public HttpRequest<Buffer> prepareHttpRequest(VertxHttpEndpoint endpoint, Exchange exchange) throws Exception {
        HttpRequest<Buffer> request = super.prepareHttpRequest(endpoint, exchange);
        Message message = exchange.getMessage();
        String basePath = endpoint.getConfiguration().getHttpUri().getRawPath();
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        String query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        StringBuilder target = new StringBuilder(basePath == null || basePath.isEmpty() ? "/" : basePath);
        if (path != null && !path.isEmpty()) {
            if (target.charAt(target.length() - 1) == '/' && path.startsWith("/")) {
                target.setLength(target.length() - 1);
            } else if (target.charAt(target.length() - 1) != '/' && !path.startsWith("/")) {
                target.append('/');
            }
            target.append(path);
        }
        if (query != null && !query.isEmpty()) {
            target.append('?').append(query);
        }
        // uri(...) also drops the parameters the default binding decoded from the query
        return request.uri(target.toString());
    }
}
