package org.customergateway.ops;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.customergateway.ledger.LedgerWriter;

/**
 * The ledger writer on {@code /observe/metrics}: writes waiting for a commit
 * ({@code gateway_ledger_queue_depth}), writes per commit ({@code gateway_ledger_batch_size}) and how
 * long a commit takes ({@code gateway_ledger_commit_seconds}).
 */
final class LedgerMetrics {

    private LedgerMetrics() {
    }

    static void bind(LedgerWriter writer, MeterRegistry meters) {
        Gauge.builder("gateway.ledger.queue.depth", writer, LedgerWriter::queueDepth)
                .description("Ledger writes waiting for the next commit").register(meters);
        DistributionSummary batch = DistributionSummary.builder("gateway.ledger.batch.size")
                .description("Ledger writes committed together").register(meters);
        Timer commit = Timer.builder("gateway.ledger.commit").description("Time to write and commit one batch of the ledger")
                .publishPercentiles(0.5, 0.99).register(meters);
        writer.listener((size, nanos) -> {
            batch.record(size);
            commit.record(nanos, TimeUnit.NANOSECONDS);
        });
    }
}
