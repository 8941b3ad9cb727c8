package org.customergateway.simulation;

import java.time.Duration;

/**
 * One misbehaviour a simulator can be told to show on its next requests.
 *
 * <ul>
 *   <li>{@link Kind#STATUS}: answer {@code status} and {@code body} without doing anything (a 503, a 400);</li>
 *   <li>{@link Kind#RATE_LIMIT}: answer 429 with {@code Retry-After: retryAfterSeconds};</li>
 *   <li>{@link Kind#SLOW}: do the work, then answer only after {@code delay} (past the caller's timeout);</li>
 *   <li>{@link Kind#DROP}: close the connection without any answer, doing nothing.</li>
 * </ul>
 */
public record Fault(Kind kind, int status, long retryAfterSeconds, Duration delay, String contentType, String body) {

    public enum Kind { STATUS, RATE_LIMIT, SLOW, DROP }

    public static Fault status(int status) {
        return answer(status, "text/plain", "injected fault");
    }

    /** Answers {@code status} with this body, doing nothing (a vendor's own error document, say). */
    public static Fault answer(int status, String contentType, String body) {
        return new Fault(Kind.STATUS, status, 0, Duration.ZERO, contentType, body);
    }

    public static Fault rateLimit(long retryAfterSeconds) {
        return new Fault(Kind.RATE_LIMIT, 429, retryAfterSeconds, Duration.ZERO, "text/plain", "slow down");
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, 0, delay, null, null);
    }

    public static Fault drop() {
        return new Fault(Kind.DROP, 0, 0, Duration.ZERO, null, null);
    }
}
