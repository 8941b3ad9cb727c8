package org.customergateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * platform-http copies every query parameter into the message headers, so {@code ?X-Api-Key=...} or
 * {@code ?X-Gateway-Target=...} would stand in for the header (docs/http-api.md: request headers are read from
 * headers only). This first step of every HTTP route puts back what the request's real headers say
 * for every query parameter named like a header: a hyphenated name ({@code X-Api-Key},
 * {@code Idempotency-Key}), {@code Authorization}, or a Camel header ({@code CamelHttpPath}). The
 * gateway's own query parameters ({@code includeRaw}, {@code from}, {@code locale}, ...) are single
 * words and stay.
 */
public final class HeadersFromHeadersOnly {

    public void restore(Message message) {
        if (!(message instanceof HttpMessage http) || http.getRequest() == null) {
            return;
        }
        HttpServerRequest request = http.getRequest();
        MultiMap query = request.params();
        if (query.isEmpty()) {
            return;
        }
        for (String name : query.names()) {
            if (!isHeaderName(name)) {
                continue;
            }
            List<String> real = request.headers().getAll(name);
            if (real.isEmpty()) {
                message.removeHeader(name);
            } else {
                message.setHeader(name, real.size() == 1 ? real.get(0) : real);
            }
        }
    }

    static boolean isHeaderName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.indexOf('-') >= 0 || lower.equals("authorization") || lower.startsWith("camel");
    }
}
