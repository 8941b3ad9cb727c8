package org.customergateway.dispatch;

import java.util.function.Supplier;

/**
 * Runs one vendor exchange again and again as {@link RetryPolicy} allows, remembering whether any
 * attempt may have done its work although its answer was lost (then a later "already exists" is our
 * own create, not someone else's).
 */
public final class Attempts {

    private final RetryPolicy policy;
    private int count;
    private boolean mayHaveLanded;

    public Attempts(RetryPolicy policy) {
        this.policy = policy;
    }

    /** @return the last reply: a final answer, or the failure that used up the attempts */
    public VendorReply run(Supplier<VendorReply> attempt) {
        while (true) {
            count++;
            VendorReply reply = attempt.get();
            if (!policy.shouldRetry(count, reply)) {
                return reply;
            }
            mayHaveLanded |= reply.mayHaveLanded();
            try {
                policy.pauseAfter(count, reply);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }

    public int count() {
        return count;
    }

    public boolean mayHaveLanded() {
        return mayHaveLanded;
    }
}
