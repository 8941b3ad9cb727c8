package org.customergateway.http;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * What of a message's headers may become a header of an HTTP answer: platform-http's own rules, and
 * never a credential. The gateway sets {@code X-Api-Key} and {@code Authorization} on messages bound for
 * a vendor; whatever path an answer takes out (a facade, the passthrough, an error nobody handled),
 * those are not copied onto it. AsyncHttpEngine writes every answer through this filter.
 */
final class AnswerHeaders implements HeaderFilterStrategy {

    private static final Set<String> NEVER_ANSWERED = Set.of("x-api-key", "authorization", "proxy-authorization",
            "cookie");

    private final HeaderFilterStrategy platformHttp;

    AnswerHeaders(HeaderFilterStrategy platformHttp) {
        this.platformHttp = platformHttp;
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return NEVER_ANSWERED.contains(headerName.toLowerCase(Locale.ROOT))
                || platformHttp.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return platformHttp.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
