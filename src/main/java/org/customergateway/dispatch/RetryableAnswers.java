package org.customergateway.dispatch;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.camel.Exchange;

/**
 * The end of every vendor attempt ({@code routes/*-sink}): an answer asking the gateway to come back
 * (408, 429, 500, 502, 503, 504) is raised, so that the attempt is redelivered; a Retry-After sets that
 * redelivery's delay (never above {@code gateway.retry.max-delay-ms}); any other answer goes on as it is.
 */
public final class RetryableAnswers {

    private final long maxDelayMs;

    public RetryableAnswers(long maxDelayMs) {
        this.maxDelayMs = maxDelayMs;
    }

    public void raise(Exchange exchange) {
        VendorReply reply = VendorReplies.read(exchange.getMessage());
        if (!reply.isRetryable()) {
            return;
        }
        if (reply.mayHaveLanded()) {
            exchange.setProperty(DispatchProperties.MAY_HAVE_LANDED, true);
        }
        Duration asked = reply.retryAfterDelay(ZonedDateTime.now(ZoneOffset.UTC));
        if (asked != null) {
            // Camel's redelivery takes this header over its own exponential delay
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.min(asked.toMillis(), maxDelayMs));
        }
        throw reply.status() == 429 ? new VendorRateLimitedException(reply) : new VendorNotNowException(reply);
    }
}
