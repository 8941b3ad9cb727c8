package org.customergateway.simplepin;

import org.customergateway.canonical.CustomerStatus;

/** The {@code status} of a SimplePin profile; only REQUIRES_ACTIVATION differs from the canonical name. */
public enum SimplePinStatus {
    REQUIRES_ACTIVATION(CustomerStatus.PENDING),
    ACTIVE(CustomerStatus.ACTIVE),
    INACTIVE(CustomerStatus.INACTIVE),
    DELETED(CustomerStatus.DELETED);

    private final CustomerStatus canonical;

    SimplePinStatus(CustomerStatus canonical) {
        this.canonical = canonical;
    }

    public CustomerStatus toCanonical() {
        return canonical;
    }

    public static SimplePinStatus fromCanonical(CustomerStatus status) {
        if (status == null) {
            return null;
        }
        for (SimplePinStatus candidate : values()) {
            if (candidate.canonical == status) {
                return candidate;
            }
        }
        throw new IllegalStateException("no SimplePin status for " + status);
    }
}
