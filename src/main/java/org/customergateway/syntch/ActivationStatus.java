package org.customergateway.syntch;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.customergateway.canonical.CustomerStatus;

/** Syntch's ActivationStatus enum; a create accepts only Pending and Active. */
public enum ActivationStatus {
    @JsonProperty("Pending") PENDING(CustomerStatus.PENDING),
    @JsonProperty("Active") ACTIVE(CustomerStatus.ACTIVE),
    @JsonProperty("Inactive") INACTIVE(CustomerStatus.INACTIVE),
    @JsonProperty("Deleted") DELETED(CustomerStatus.DELETED);

    private final CustomerStatus canonical;

    ActivationStatus(CustomerStatus canonical) {
        this.canonical = canonical;
    }

    public CustomerStatus toCanonical() {
        return canonical;
    }

    public boolean isAllowedOnCreate() {
        return this == PENDING || this == ACTIVE;
    }

    public static ActivationStatus fromCanonical(CustomerStatus status) {
        return status == null ? null : valueOf(status.name());
    }

    /** Reads a configuration value such as {@code Active}, whatever its case. */
    public static ActivationStatus parse(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
