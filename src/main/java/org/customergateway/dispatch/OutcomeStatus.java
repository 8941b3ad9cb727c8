package org.customergateway.dispatch;

/** What became of a customer at one vendor (docs/flow.md). */
public enum OutcomeStatus {
    /** The vendor created it. */
    CREATED,
    /** The vendor already had a customer with this id; nothing was created. */
    ALREADY_EXISTS,
    /** It breaks the vendor's rules; nothing was sent. */
    INVALID,
    /** The vendor answered 4xx; its messages are carried. */
    REJECTED,
    /** Retries spent or circuit open. */
    FAILED
}
