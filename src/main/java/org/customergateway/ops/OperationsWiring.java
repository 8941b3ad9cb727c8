package org.customergateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import org.customergateway.dispatch.VendorBreakers;
import org.customergateway.dispatch.VendorLane;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.LedgerWriter;

/**
 * Once Camel has started (its health registry and meter registry exist then): the gateway's readiness
 * checks (ledger, each vendor, the broker when the queue entry is on), its gauges (dead letters waiting,
 * file-drop records in progress) and the JVM's meters.
 */
public final class OperationsWiring implements StartupListener {

    private final DataSource ledger;
    private final LedgerWriter writer;
    private final DeadLetterStore deadLetters;
    private final FileDropStatus fileDrop;
    private final VendorBreakers breakers;
    private final String simplePinBaseUrl;
    private final String syntchBaseUrl;
    private final BrokerHealthCheck.Broker broker;
    private final List<VendorLane> lanes;

    /** @param broker the broker the queue entry uses, or null when the queue entry is off */
    public OperationsWiring(DataSource ledger, LedgerWriter writer, DeadLetterStore deadLetters, FileDropStatus fileDrop,
                            VendorBreakers breakers, List<VendorLane> lanes, String simplePinBaseUrl, String syntchBaseUrl,
                            BrokerHealthCheck.Broker broker) {
        this.lanes = lanes;
        this.writer = writer;
        this.broker = broker;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.fileDrop = fileDrop;
        this.breakers = breakers;
        this.simplePinBaseUrl = simplePinBaseUrl;
        this.syntchBaseUrl = syntchBaseUrl;
    }

    public static MeterRegistry meters(CamelContext context) {
        return context.getRegistry().findSingleByType(MeterRegistry.class);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // both registries are complete only once the context is fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new LedgerHealthCheck(ledger, writer));
            health.register(new VendorHealthCheck("simplepin", simplePinBaseUrl, Duration.ofSeconds(15), () -> meters(context)));
            health.register(new VendorHealthCheck("syntch", syntchBaseUrl, Duration.ofSeconds(15), () -> meters(context)));
            if (broker != null) {
                health.register(new BrokerHealthCheck(broker, Duration.ofSeconds(15)));
            }
        }
        MeterRegistry meters = meters(context);
        if (meters != null) {
            JvmMeters jvm = new JvmMeters();
            jvm.bindTo(meters);
            addService(context, jvm);
            DispatchMetrics.registerAtZero(meters);
            // resilience4j_circuitbreaker_state{name="syntch-circuit-breaker",state="open"} and the breakers' calls
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry()).bindTo(meters);
            LedgerMetrics.bind(writer, meters);
            LaneMetrics.bind(lanes, meters);
            Gauge.builder("gateway.dead.letters.waiting", deadLetters, OperationsWiring::waiting)
                    .description("Dead letters waiting to be replayed or discarded").register(meters);
            Gauge.builder("gateway.filedrop.records.in.progress", fileDrop, OperationsWiring::recordsInProgress)
                    .description("Records done so far of the files being read").register(meters);
        }
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + service, e);
        }
    }

    private static double waiting(DeadLetterStore store) {
        try {
            return store.waiting();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private static double recordsInProgress(FileDropStatus status) {
        List<org.customergateway.filedrop.FileProgress> active = status.snapshot().active();
        return active.stream().mapToLong(org.customergateway.filedrop.FileProgress::getRecords).sum();
    }
}
