package org.customergateway.dispatch;

import java.util.List;
import java.util.Locale;

/** Where a customer is created: {@code simplepin}, {@code syntch} or {@code both}. */
public enum Target {
    SIMPLEPIN(List.of(Vendor.SIMPLEPIN)), SYNTCH(List.of(Vendor.SYNTCH)), BOTH(List.of(Vendor.SIMPLEPIN, Vendor.SYNTCH));

    private final List<Vendor> vendors;
    private final String sinks;

    Target(List<Vendor> vendors) {
        this.vendors = vendors;
        this.sinks = String.join(",", vendors.stream().map(v -> "direct:" + v.id() + "-sink").toList());
    }

    public List<Vendor> vendors() {
        return vendors;
    }

    /** The vendor sink routes a customer for this target goes to, in order, for a recipient list. */
    public String sinks() {
        return sinks;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Target parse(String value) {
        if (value != null) {
            for (Target target : values()) {
                if (target.id().equalsIgnoreCase(value.trim())) {
                    return target;
                }
            }
        }
        throw new IllegalArgumentException("unknown target '" + value + "': expected simplepin, syntch or both");
    }
}
