package org.customergateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.Service;
import org.customergateway.dispatch.Vendor;

/**
 * The last hour of each vendor, for the console: every {@code every} the gateway's own meters are read
 * and what changed since the reading before is kept as a sample (customers by outcome, attempts,
 * retries, and the p50 and p99 of the time to create, from the dispatch timer's histogram buckets), in
 * a ring that holds {@code kept}. In memory and per instance, like the meters it reads: a console
 * opened after an outage still shows it, with no Prometheus needed.
 */
public final class VendorActivity implements Service {

    /** What changed in one interval: customers by outcome, attempts and retries made, and how long creates took. */
    public record Sample(Instant at, Map<String, Long> customers, long attempts, long retries, Double p50Millis,
                         Double p99Millis) {
    }

    /** Everything so far, since this instance started. */
    public record Totals(Map<String, Long> customers, long attempts, long retries) {
    }

    /** The meters' values at one moment, to subtract the next reading from. */
    private record Reading(Instant at, Map<String, Long> customers, long attempts, long retries, long timed,
                           CountAtBucket[] buckets) {
    }

    private final Supplier<MeterRegistry> meters;
    private final Duration every;
    private final int capacity;
    private final Map<Vendor, Deque<Sample>> samples = new EnumMap<>(Vendor.class);
    private final Map<Vendor, Reading> last = new EnumMap<>(Vendor.class);
    private ScheduledExecutorService sampler;

    /** @param meters looked up at each sample: Camel creates its registry while it starts */
    public VendorActivity(Supplier<MeterRegistry> meters, Duration every, Duration kept) {
        this.meters = meters;
        this.every = every;
        this.capacity = (int) Math.max(1, kept.toMillis() / every.toMillis());
        for (Vendor vendor : Vendor.values()) {
            samples.put(vendor, new ArrayDeque<>(capacity));
        }
    }

    @Override
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vendor-activity");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    public Duration every() {
        return every;
    }

    /** Reads the meters and keeps what changed since the last reading. */
    synchronized void sample() {
        MeterRegistry registry = meters.get();
        if (registry == null) {
            return;
        }
        for (Vendor vendor : Vendor.values()) {
            Reading now = read(registry, vendor);
            Reading before = last.put(vendor, now);
            if (before != null) {
                Deque<Sample> ring = samples.get(vendor);
                if (ring.size() == capacity) {
                    ring.removeFirst();
                }
                ring.addLast(difference(before, now));
            }
        }
    }

    public synchronized List<Sample> samples(Vendor vendor) {
        return List.copyOf(samples.get(vendor));
    }

    public Totals totals(Vendor vendor) {
        MeterRegistry registry = meters.get();
        if (registry == null) {
            return new Totals(Map.of(), 0, 0);
        }
        Reading now = read(registry, vendor);
        return new Totals(now.customers(), now.attempts(), now.retries());
    }

    private static Reading read(MeterRegistry registry, Vendor vendor) {
        Map<String, Long> customers = new TreeMap<>();
        for (Counter counter : registry.find("gateway.customers").tag("vendor", vendor.id()).counters()) {
            customers.merge(counter.getId().getTag("status"), (long) counter.count(), Long::sum);
        }
        DistributionSummary attempts = registry.find("gateway.vendor.attempts").tag("vendor", vendor.id()).summary();
        Counter retries = registry.find("gateway.vendor.retries").tag("vendor", vendor.id()).counter();
        Timer dispatch = registry.find("gateway.dispatch").tag("vendor", vendor.id()).timer();
        return new Reading(Instant.now(), customers, attempts == null ? 0 : (long) attempts.totalAmount(),
                retries == null ? 0 : (long) retries.count(), dispatch == null ? 0 : dispatch.count(),
                dispatch == null ? new CountAtBucket[0] : dispatch.takeSnapshot().histogramCounts());
    }

    private static Sample difference(Reading before, Reading now) {
        Map<String, Long> customers = new TreeMap<>();
        now.customers().forEach((status, count) -> customers.put(status, count - before.customers().getOrDefault(status, 0L)));
        long timed = now.timed() - before.timed();
        return new Sample(now.at(), customers, now.attempts() - before.attempts(), now.retries() - before.retries(),
                percentile(before.buckets(), now.buckets(), timed, 0.50), percentile(before.buckets(), now.buckets(), timed, 0.99));
    }

    /**
     * The upper bound of the histogram bucket the quantile falls in, among the creates of the interval
     * (the buckets count cumulatively, so the interval's counts are the differences); null when none ended.
     */
    static Double percentile(CountAtBucket[] before, CountAtBucket[] now, long timed, double quantile) {
        if (timed <= 0 || now.length == 0) {
            return null;
        }
        double wanted = quantile * timed;
        for (int i = 0; i < now.length; i++) {
            double counted = now[i].count() - (i < before.length ? before[i].count() : 0);
            if (counted >= wanted) {
                return now[i].bucket(TimeUnit.MILLISECONDS);
            }
        }
        return now[now.length - 1].bucket(TimeUnit.MILLISECONDS);
    }
}
