package org.customergateway.dispatch;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads a vendor's HTTP answer off the Camel message, and raises the "not now" ones inside the circuit breaker. */
public final class VendorReplies {

    public static VendorReply read(Message message) {
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = message.getBody(byte[].class);
        return new VendorReply(status == null ? 0 : status, message.getHeader(Exchange.CONTENT_TYPE, String.class),
                body == null ? new byte[0] : body, message.getHeader("Retry-After", String.class),
                VendorReply.Failure.NONE);
    }

    /**
     * Called by the vendor routes right after the HTTP call, inside the circuit breaker: a 5xx answer
     * is the vendor failing, raised so that the breaker counts it (as it counts a timeout or a refused
     * connection). Any other answer, a 429 or 408 asking the gateway to wait included, is the vendor
     * working, and goes back to the caller as it is (which retries the "not now" ones all the same).
     * (Raising a 429 and telling the breaker to ignore it would not do: Camel's breaker then drops the
     * answer, its Retry-After with it.)
     */
    public void raiseIfUnavailable(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status >= 500 && VendorReply.isRetryableStatus(status)) {
            throw new VendorUnavailableException(read(exchange.getMessage()));
        }
    }
}
