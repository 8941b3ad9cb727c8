package org.customergateway.dispatch;

import java.time.Duration;

/**
 * An HTTP caller could not start its call within its wait: the vendor's lane is paced (its max-rate,
 * or slowed by its 429s) and full. Never retried: the outcome is FAILED at once, as for an open circuit.
 */
public final class VendorLaneFullException extends RuntimeException {

    public VendorLaneFullException(Vendor vendor, int waiting, Double rate, Duration wait) {
        super(vendor.id() + " is paced" + (rate == null ? "" : String.format(" at %.1f calls/s", rate))
                + " and " + waiting + " call(s) wait for it: no turn within " + wait.toMillis() + " ms (a rate limit)",
                null, false, false);
    }
}
