package org.customergateway.dispatch;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

/**
 * Once the routes run, hands each vendor's circuit breaker (the {@code circuitBreaker} with id
 * {@code <vendor>-circuit-breaker} in {@code routes/<vendor>-call.camel.yaml}) to the {@link CircuitGate}.
 */
public final class VendorCircuits implements StartupListener {

    private final CircuitGate gate;

    public VendorCircuits(CircuitGate gate) {
        this.gate = gate;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the breakers exist once the routes have started: see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        for (Vendor vendor : Vendor.values()) {
            ResilienceProcessor breaker = context.getProcessor(vendor.id() + "-circuit-breaker", ResilienceProcessor.class);
            if (breaker == null || breaker.getCircuitBreaker() == null) {
                throw new IllegalStateException("no circuit breaker " + vendor.id() + "-circuit-breaker in the vendor routes");
            }
            gate.watch(vendor, breaker.getCircuitBreaker());
        }
    }
}
