package org.customergateway.dispatch;

/**
 * The vendor answered 429: too many calls. Retried as routes/vendor-retries says, with a budget of its
 * own ({@code gateway.retry.rate-limited-max-attempts}): a customer that met a 429 is not given up while
 * the vendor keeps answering; the vendor's lane has slowed meanwhile (VendorLane).
 */
public final class VendorRateLimitedException extends VendorNotNowException {

    public VendorRateLimitedException(VendorReply reply) {
        super(reply);
    }
}
