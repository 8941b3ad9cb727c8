package org.customergateway.dispatch;

/**
 * A vendor answer that means the vendor is failing (500, 502, 503, 504): thrown inside the vendor's
 * circuit breaker so that it counts as a failure there, and retried by {@link RetryPolicy}.
 */
public final class VendorUnavailableException extends RuntimeException {

    private final transient VendorReply reply;

    public VendorUnavailableException(VendorReply reply) {
        super("vendor answered " + reply.status());
        this.reply = reply;
    }

    public VendorReply reply() {
        return reply;
    }
}
