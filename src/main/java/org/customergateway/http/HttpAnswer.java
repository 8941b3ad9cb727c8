package org.customergateway.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.File;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.ObjectHelper;

/**
 * A finished exchange written out as the HTTP answer, through Vert.x's public response API: the status
 * of {@code CamelHttpResponseCode} (200, or 204 with no body, when none is set), every header the filter
 * lets out, its Content-Type, and the body. A {@link File} body (a file drop report) is sent from disk as it is; any other
 * body is converted to bytes by Camel's type converters (the gateway's answers are bytes or text already).
 */
final class HttpAnswer {

    private HttpAnswer() {
    }

    static Future<Void> write(HttpServerResponse response, Exchange exchange, HeaderFilterStrategy headers) {
        Message answer = exchange.getMessage();
        Object body = answer.getBody();
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        response.setStatusCode(status != null ? status : body == null ? 204 : 200);
        for (Map.Entry<String, Object> header : answer.getHeaders().entrySet()) {
            for (Object value : ObjectHelper.createIterable(header.getValue())) {
                if (value != null && !headers.applyFilterToCamelHeaders(header.getKey(), value, exchange)) {
                    response.headers().add(header.getKey(), value.toString());
                }
            }
        }
        // platform-http's filter keeps Content-Type out of the headers above, as it does with every
        // header HTTP itself owns: it is the body's own, set here
        String contentType = answer.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            response.putHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (body == null) {
            return response.end();
        }
        if (body instanceof File file) {
            return response.sendFile(file.getPath());
        }
        return response.end(Buffer.buffer(exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body)));
    }
}
