package org.customergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.OutcomeStatus;
import org.customergateway.dispatch.Vendor;
import org.junit.jupiter.api.Test;

/** The console's samples: what changed between two readings of the meters, percentiles from the buckets' differences. */
class VendorActivityTest {

    @Test
    void a_percentile_is_the_bucket_the_quantile_falls_in_among_the_interval_s_creates_only() {
        CountAtBucket[] before = {bucket(1, 2), bucket(10, 5), bucket(100, 5)};
        CountAtBucket[] now = {bucket(1, 2), bucket(10, 15), bucket(100, 20)};
        // the interval's 15 creates: none up to 1 ms, 10 up to 10 ms, 15 up to 100 ms
        assertThat(VendorActivity.percentile(before, now, 15, 0.50)).isEqualTo(10.0);
        assertThat(VendorActivity.percentile(before, now, 15, 0.99)).isEqualTo(100.0);
        assertThat(VendorActivity.percentile(before, now, 0, 0.50)).as("nothing ended in the interval").isNull();
    }

    @Test
    void a_sample_holds_what_happened_since_the_last_one() {
        // the registry the gateway has (Camel's Prometheus one): its timers keep cumulative histogram buckets
        MeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DispatchMetrics metrics = new DispatchMetrics(() -> meters);
        DispatchMetrics.registerAtZero(meters);
        VendorActivity activity = new VendorActivity(() -> meters, Duration.ofSeconds(10), Duration.ofHours(1));
        metrics.record("http", outcome(OutcomeStatus.CREATED, 1), Duration.ofMillis(5));
        activity.sample();
        metrics.record("http", outcome(OutcomeStatus.CREATED, 3), Duration.ofMillis(40));
        metrics.record("esb", outcome(OutcomeStatus.FAILED, 4), Duration.ofMillis(900));
        activity.sample();

        List<VendorActivity.Sample> samples = activity.samples(Vendor.SYNTCH);
        assertThat(samples).hasSize(1);
        VendorActivity.Sample sample = samples.get(0);
        assertThat(sample.customers()).containsEntry("CREATED", 1L).containsEntry("FAILED", 1L).containsEntry("REJECTED", 0L);
        assertThat(sample.attempts()).isEqualTo(7);
        assertThat(sample.retries()).isEqualTo(5);
        assertThat(sample.p50Millis()).isBetween(40.0, 100.0);
        assertThat(sample.p99Millis()).isGreaterThanOrEqualTo(900.0);
        assertThat(activity.totals(Vendor.SYNTCH).customers()).containsEntry("CREATED", 2L);
        assertThat(activity.samples(Vendor.SIMPLEPIN)).singleElement()
                .satisfies(quiet -> assertThat(quiet.p50Millis()).isNull());
    }

    private static Outcome outcome(OutcomeStatus status, int attempts) {
        return new Outcome("syntch", status, 200, "5001", attempts, List.of(), List.of(), null, null, null, null, false);
    }

    private static CountAtBucket bucket(double millis, double count) {
        return new CountAtBucket(TimeUnit.MILLISECONDS.toNanos((long) millis), count);
    }
}
