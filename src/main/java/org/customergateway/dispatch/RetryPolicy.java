package org.customergateway.dispatch;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The gateway's retry policy, and the only one (HttpClient's own retries are off): retry connection
 * failures, timeouts and 408/429/5xx, never another 4xx; wait exponentially longer with jitter, or as
 * long as the vendor's Retry-After asks, but never longer than {@code maxDelayMs}.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final long initialDelayMs;
    private final long maxDelayMs;
    private final Sleeper sleeper;

    public RetryPolicy(int maxAttempts, long initialDelayMs, long maxDelayMs, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("gateway.retry.max-attempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.sleeper = sleeper;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return true when another attempt may follow {@code attempt} after this reply */
    public boolean shouldRetry(int attempt, VendorReply reply) {
        return attempt < maxAttempts && reply.isRetryable();
    }

    /** Waits before attempt {@code attempt + 1}. */
    public void pauseAfter(int attempt, VendorReply reply) throws InterruptedException {
        sleeper.sleep(delayAfter(attempt, reply));
    }

    /**
     * Half the exponential step is fixed and half random ("equal jitter"), so that callers retrying at
     * once spread out but none retries at once; a Retry-After replaces it.
     */
    long delayAfter(int attempt, VendorReply reply) {
        Duration asked = reply.retryAfterDelay(ZonedDateTime.now(ZoneOffset.UTC));
        if (asked != null) {
            return Math.min(asked.toMillis(), maxDelayMs);
        }
        long exponential = Math.min(maxDelayMs, initialDelayMs << Math.min(attempt - 1, 30));
        long half = exponential / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }
}
