package org.customergateway.dispatch;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import io.vertx.core.VertxException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads a vendor's HTTP answer off the Camel message, or what a call that got none failed with. */
public final class VendorReplies {

    public static VendorReply read(Message message) {
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = message.getBody(byte[].class);
        return new VendorReply(status == null ? 0 : status, message.getHeader(Exchange.CONTENT_TYPE, String.class),
                body == null ? new byte[0] : body, message.getHeader("Retry-After", String.class),
                VendorReply.Failure.NONE);
    }

    /** What a vendor call that got no answer failed with: a timeout, a connection failure, an open circuit or a full lane. */
    public static VendorReply forFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof VendorNotNowException notNow) {
                return notNow.reply();
            }
            if (cause instanceof CallNotPermittedException) {
                return VendorReply.failed(VendorReply.Failure.CIRCUIT_OPEN);
            }
            if (cause instanceof VendorLaneFullException) {
                return VendorReply.failed(VendorReply.Failure.PACED);
            }
            // Netty's ConnectTimeoutException is a ConnectException: a vendor not reached in time was not reached
            if (cause instanceof ConnectException) {
                return VendorReply.failed(VendorReply.Failure.CONNECTION);
            }
            // Vert.x's request timeout (NoStackTraceTimeoutException) is a TimeoutException
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return VendorReply.failed(VendorReply.Failure.TIMEOUT);
            }
            // a connection closed or reset under the call (Vert.x's HttpClosedException and the like)
            if (cause instanceof IOException || cause instanceof VertxException) {
                return VendorReply.failed(VendorReply.Failure.CONNECTION);
            }
        }
        throw new IllegalStateException("vendor call failed unexpectedly", error);
    }
}
