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

    /** Called by the vendor routes right after the HTTP call, inside the circuit breaker. */
    public void raiseIfUnavailable(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && VendorReply.isRetryableStatus(status)) {
            throw new VendorUnavailableException(read(exchange.getMessage()));
        }
    }
}
