package org.customergateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeMeter;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Vendor;

/**
 * The gateway's own meters, on Camel's Prometheus registry: customers by vendor, way in and outcome;
 * attempts per customer; how long each vendor took. Names follow Prometheus's conventions
 * ({@code gateway_customers_total}, {@code gateway_dispatch_seconds}). Every series exists from the
 * start at 0 ({@link #registerAtZero}), so that a dashboard or an alert on a rate sees the first
 * retry, not only the second.
 */
public final class DispatchMetrics implements OutcomeMeter {

    private static final List<String> WAYS_IN = List.of("http", "filedrop", "esb");

    private final Supplier<MeterRegistry> registry;
    /** The registry once found: looking it up searches Camel's registry, too much for every customer. */
    private volatile MeterRegistry found;
    /**
     * Each series once registered: a meter's builder makes and sorts its tags and finds the meter again at
     * every call, four times per customer. Keyed by vendor, way in and status.
     */
    private final Map<String, Counter> customerCounters = new ConcurrentHashMap<>();
    private final Map<String, VendorMeters> vendorMeters = new ConcurrentHashMap<>();

    /** A vendor's meters that do not depend on the way in or the outcome. */
    private record VendorMeters(DistributionSummary attempts, Counter retries, Timer dispatch) {
        static VendorMeters of(MeterRegistry meters, String vendor) {
            return new VendorMeters(DispatchMetrics.attempts(meters, vendor), DispatchMetrics.retries(meters, vendor),
                    DispatchMetrics.dispatch(meters, vendor));
        }
    }

    /** @param registry looked up when first needed: Camel creates its registry while it starts */
    public DispatchMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** Every vendor's and way in's series, at 0. */
    public static void registerAtZero(MeterRegistry meters) {
        for (Vendor each : Vendor.values()) {
            String vendor = each.id();
            for (String wayIn : WAYS_IN) {
                for (OutcomeStatus status : OutcomeStatus.values()) {
                    customers(meters, vendor, wayIn, status);
                }
            }
            attempts(meters, vendor);
            retries(meters, vendor);
            dispatch(meters, vendor);
        }
    }

    @Override
    public void record(String wayIn, Outcome outcome, Duration took) {
        MeterRegistry meters = found;
        if (meters == null) {
            meters = registry.get();
            if (meters == null) {
                return;
            }
            found = meters;
        }
        MeterRegistry registry = meters;
        String vendor = outcome.vendor();
        customerCounters.computeIfAbsent(vendor + '/' + wayIn + '/' + outcome.status(),
                key -> customers(registry, vendor, wayIn, outcome.status())).increment();
        VendorMeters each = vendorMeters.computeIfAbsent(vendor, key -> VendorMeters.of(registry, vendor));
        each.attempts().record(outcome.attempts());
        if (outcome.attempts() > 1) {
            each.retries().increment(outcome.attempts() - 1);
        }
        each.dispatch().record(took);
    }

    private static Counter customers(MeterRegistry meters, String vendor, String wayIn, OutcomeStatus status) {
        return Counter.builder("gateway.customers").description("Customers handled, by vendor, way in and outcome")
                .tag("vendor", vendor).tag("way_in", wayIn).tag("status", status.name()).register(meters);
    }

    private static DistributionSummary attempts(MeterRegistry meters, String vendor) {
        return DistributionSummary.builder("gateway.vendor.attempts").description("Attempts per customer and vendor")
                .tag("vendor", vendor).register(meters);
    }

    private static Counter retries(MeterRegistry meters, String vendor) {
        return Counter.builder("gateway.vendor.retries").description("Calls sent again after a failed attempt")
                .tag("vendor", vendor).register(meters);
    }

    private static Timer dispatch(MeterRegistry meters, String vendor) {
        return Timer.builder("gateway.dispatch").description("Time to create a customer at a vendor, retries included")
                .tag("vendor", vendor).publishPercentileHistogram().register(meters);
    }
}
