package org.customergateway.dispatch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.camel.Exchange;
import org.customergateway.json.TextRules;
import org.customergateway.translation.Translation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What becomes of a vendor's outcome (the last steps of {@code routes/<vendor>-sink}): a failed customer
 * is kept as a dead letter, a created one is remembered for the look-ups, and every outcome is counted
 * and logged. Each step works on the {@link Outcome} in the body.
 */
public final class OutcomeRecords {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecords.class);
    /** Where Camel's tracer (camel-opentelemetry2, when tracing is on) puts the current trace and span ids. */
    private static final String TRACE_ID = "CAMEL_TRACE_ID";
    private static final String SPAN_ID = "CAMEL_SPAN_ID";

    private final DeadLetterSink deadLetters;
    private final CustomerMemory memory;
    private final OutcomeMeter metrics;
    private final Continuations continuations;

    public OutcomeRecords(DeadLetterSink deadLetters, CustomerMemory memory, OutcomeMeter metrics, Continuations continuations) {
        this.deadLetters = deadLetters;
        this.memory = memory;
        this.metrics = metrics;
        this.continuations = continuations;
    }

    /**
     * Nothing is lost: a customer the vendor did not take is kept; should even that fail, the caller is told
     * so. Keeping it is a write of its own, which blocks: off the event loop ({@link Continuations#blocking}).
     */
    public CompletionStage<Outcome> keepDeadLetter(Exchange exchange) {
        Outcome failed = exchange.getMessage().getBody(Outcome.class);
        if (failed.status() != OutcomeStatus.FAILED) {
            return CompletableFuture.completedFuture(failed);
        }
        return continuations.blocking(exchange, () -> kept(exchange, failed));
    }

    private Outcome kept(Exchange exchange, Outcome failed) {
        DispatchRequest request = request(exchange);
        String customerId = customerId(exchange);
        Vendor vendor = vendorOf(exchange.getProperty(DispatchProperties.TRANSLATION, Translation.class));
        try {
            return failed.withDeadLetter(deadLetters.keep(request.origin(), vendor, request.schema(), customerId,
                    request.correlationId(), failed), failed.error());
        } catch (RuntimeException e) {
            LOG.error("customer {} failed at {} and could not be kept as a dead letter", TextRules.loggable(customerId),
                    vendor.id(), e);
            return failed.withDeadLetter(null, failed.error() + "; and it could not be kept as a dead letter: "
                    + e.getMessage());
        }
    }

    /** For the look-ups; a customer that exists at its vendor is not failed because the memory of it could not be kept. */
    public void remember(Exchange exchange) {
        Outcome outcome = exchange.getMessage().getBody(Outcome.class);
        if (outcome.status() != OutcomeStatus.CREATED && outcome.status() != OutcomeStatus.ALREADY_EXISTS) {
            return;
        }
        Translation translation = exchange.getProperty(DispatchProperties.TRANSLATION, Translation.class);
        try {
            memory.remember(translation.canonical(), outcome, request(exchange).origin().wayIn());
        } catch (RuntimeException e) {
            LOG.warn("customer {} at {} could not be remembered for look-ups: {}", TextRules.loggable(customerId(exchange)),
                    outcome.vendor(), TextRules.loggable(e.getMessage()));
        }
    }

    public void countAndLog(Exchange exchange) {
        Outcome outcome = exchange.getMessage().getBody(Outcome.class);
        DispatchRequest request = request(exchange);
        Long started = exchange.getProperty(DispatchProperties.STARTED, Long.class);
        Duration took = Duration.ofNanos(started == null ? 0 : System.nanoTime() - started);
        metrics.record(request.origin().wayIn(), outcome, took);
        // the line carries the customer's correlation id (%X{correlationId}), whichever thread it ends on,
        // and, when tracing is on, the trace and span it belongs to
        String outer = MDC.get("correlationId");
        MDC.put("correlationId", TextRules.loggable(request.correlationId()));
        String traceId = exchange.getMessage().getHeader(TRACE_ID, String.class);
        if (traceId != null) {
            MDC.put("trace_id", traceId);
            MDC.put("span_id", exchange.getMessage().getHeader(SPAN_ID, String.class));
        }
        try {
            LOG.info("customer {} via {} at {}: {} after {} attempt(s) in {} ms", TextRules.loggable(customerId(exchange)),
                    request.origin().wayIn(), outcome.vendor(), outcome.status(), outcome.attempts(), took.toMillis());
        } finally {
            MDC.remove("trace_id");
            MDC.remove("span_id");
            if (outer == null) {
                MDC.remove("correlationId");
            } else {
                MDC.put("correlationId", outer);
            }
        }
    }

    /** The outcome for a customer that breaks the vendor's rules: nothing was sent. */
    public Outcome invalid(Exchange exchange) {
        Translation translation = exchange.getProperty(DispatchProperties.TRANSLATION, Translation.class);
        return Outcome.invalid(vendorOf(translation), translation.warnings(), translation.violations());
    }

    /** The outcome when the retries are spent, or the circuit was open: what the last attempt failed with. */
    public Outcome failed(Exchange exchange) {
        Translation translation = exchange.getProperty(DispatchProperties.TRANSLATION, Translation.class);
        return Outcomes.failed(vendorOf(translation), VendorReplies.forFailure(exchange.getProperty(
                Exchange.EXCEPTION_CAUGHT, Throwable.class)), AttemptsMade.of(exchange), translation.warnings());
    }

    private static Vendor vendorOf(Translation translation) {
        return Vendor.valueOf(translation.to().toUpperCase(java.util.Locale.ROOT));
    }

    private static DispatchRequest request(Exchange exchange) {
        return exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
    }

    private static String customerId(Exchange exchange) {
        return exchange.getProperty(DispatchProperties.CUSTOMER_ID, String.class);
    }
}
