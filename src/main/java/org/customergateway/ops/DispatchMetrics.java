package org.customergateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import org.customergateway.dispatch.Outcome;

/**
 * The gateway's own meters, on Camel's Prometheus registry: customers by vendor, way in and outcome;
 * attempts per customer; how long each vendor took. Names follow Prometheus's conventions
 * ({@code gateway_customers_total}, {@code gateway_dispatch_seconds}).
 */
public final class DispatchMetrics {

    private final Supplier<MeterRegistry> registry;

    /** @param registry looked up when first needed: Camel creates its registry while it starts */
    public DispatchMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    public void record(String wayIn, Outcome outcome, Duration took) {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return;
        }
        Counter.builder("gateway.customers").description("Customers handled, by vendor, way in and outcome")
                .tag("vendor", outcome.vendor()).tag("way_in", wayIn).tag("status", outcome.status().name())
                .register(meters).increment();
        DistributionSummary.builder("gateway.vendor.attempts").description("Attempts per customer and vendor")
                .tag("vendor", outcome.vendor()).register(meters).record(outcome.attempts());
        if (outcome.attempts() > 1) {
            Counter.builder("gateway.vendor.retries").description("Calls sent again after a failed attempt")
                    .tag("vendor", outcome.vendor()).register(meters).increment(outcome.attempts() - 1);
        }
        Timer.builder("gateway.dispatch").description("Time to create a customer at a vendor, retries included")
                .tag("vendor", outcome.vendor()).publishPercentileHistogram().register(meters).record(took);
    }
}
