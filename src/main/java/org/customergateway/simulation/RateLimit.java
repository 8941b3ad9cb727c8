package org.customergateway.simulation;

/**
 * A vendor's limit of so many calls per second, as payment platforms enforce it: a token bucket that
 * holds one second's worth and fills continuously; a call finding it empty is answered 429 with
 * {@code Retry-After: 1}. Evenly paced calls at the limit all pass; a burst above it does not.
 */
final class RateLimit {

    private final double perSecond;
    private double tokens;
    private long filledAt = System.nanoTime();
    private long allowed;
    private long refused;

    RateLimit(double perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    /** Takes a token: true when the call may go on, false when it is to be answered 429. */
    synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - filledAt) / 1e9 * perSecond);
        filledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            allowed++;
            return true;
        }
        refused++;
        return false;
    }

    double perSecond() {
        return perSecond;
    }

    synchronized long allowed() {
        return allowed;
    }

    synchronized long refused() {
        return refused;
    }
}
