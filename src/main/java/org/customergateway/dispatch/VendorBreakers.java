package org.customergateway.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Every vendor's circuit breaker ({@link VendorBreaker}), from one configuration, in one registry for the meters. */
public final class VendorBreakers {

    private final CircuitBreakerRegistry registry;
    private final Map<Vendor, VendorBreaker> breakers = new EnumMap<>(Vendor.class);

    public VendorBreakers(CircuitBreakerConfig config) {
        this.registry = CircuitBreakerRegistry.of(config);
        for (Vendor vendor : Vendor.values()) {
            // the name its meters carry: resilience4j_circuitbreaker_state{name="syntch-circuit-breaker"}
            breakers.put(vendor, new VendorBreaker(registry.circuitBreaker(vendor.id() + "-circuit-breaker")));
        }
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    public CircuitBreaker of(Vendor vendor) {
        return breakers.get(vendor).circuit();
    }

    /** The steps around a vendor's calls ({@code routes/<vendor>-call}). */
    public VendorBreaker around(Vendor vendor) {
        return breakers.get(vendor);
    }
}
