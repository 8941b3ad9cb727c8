package org.customergateway.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.customergateway.mapping.SchemaName;
import org.customergateway.ops.DispatchMetrics;
import org.customergateway.translation.Translation;
import org.customergateway.translation.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.customergateway.canonical.Customer;
import org.customergateway.json.TextRules;
import org.slf4j.MDC;

/**
 * The gateway's main job, whatever the way in: map a customer for each target vendor, check it
 * against that vendor's rules, and create it there. Each vendor stands alone: a customer invalid for
 * one is still created at the other, and the result says what happened where.
 */
public final class CustomerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerDispatcher.class);

    private final Translator translator;
    private final DeadLetterSink deadLetters;
    private final CustomerMemory memory;
    private final DispatchMetrics metrics;
    private final Map<Vendor, VendorCreator> creators = new EnumMap<>(Vendor.class);

    public CustomerDispatcher(Translator translator, DeadLetterSink deadLetters, CustomerMemory memory, DispatchMetrics metrics,
                              VendorCreator... creators) {
        this.translator = translator;
        this.deadLetters = deadLetters;
        this.memory = memory;
        this.metrics = metrics;
        for (VendorCreator creator : creators) {
            this.creators.put(creator.vendor(), creator);
        }
    }

    /**
     * @param document   a document of schema {@code from}, as its schema reads it
     * @param includeRaw keep each vendor's raw answer in its outcome
     * @param origin     the document as it came, kept as a dead letter for each vendor that fails for good
     */
    public DispatchResult dispatch(SchemaName from, Object document, Target target, String correlationId,
                                   boolean includeRaw, Origin origin) {
        // every log line about this customer carries its correlation id (%X{correlationId} in the layout)
        String outer = MDC.get("correlationId");
        MDC.put("correlationId", TextRules.loggable(correlationId));
        try {
            List<Outcome> outcomes = new ArrayList<>(target.vendors().size());
            String customerId = null;
            for (Vendor vendor : target.vendors()) {
                long started = System.nanoTime();
                Translation translation = translator.translate(from, vendor.schema(), document);
                customerId = translation.canonical().customerId();
                Outcome outcome = translation.isValid()
                        ? creators.get(vendor).create(translation, correlationId)
                        : Outcome.invalid(vendor, translation.warnings(), translation.violations());
                if (outcome.status() == OutcomeStatus.FAILED) {
                    outcome = keepAsDeadLetter(outcome, from, vendor, customerId, correlationId, origin);
                } else if (outcome.status() == OutcomeStatus.CREATED || outcome.status() == OutcomeStatus.ALREADY_EXISTS) {
                    remember(translation.canonical(), outcome, origin.wayIn());
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("customer {} via {} at {}: {} after {} attempt(s) in {} ms", TextRules.loggable(customerId), origin.wayIn(),
                        vendor.id(), outcome.status(), outcome.attempts(), took.toMillis());
                metrics.record(origin.wayIn(), outcome, took);
                outcomes.add(includeRaw ? outcome : outcome.withoutRaw());
            }
            return new DispatchResult(correlationId, customerId, false, List.copyOf(outcomes));
        } finally {
            if (outer == null) {
                MDC.remove("correlationId");
            } else {
                MDC.put("correlationId", outer);
            }
        }
    }

    /** For the look-ups; a customer that exists at its vendor is not failed because the memory of it could not be kept. */
    private void remember(Customer customer, Outcome outcome, String wayIn) {
        try {
            memory.remember(customer, outcome, wayIn);
        } catch (RuntimeException e) {
            LOG.warn("customer {} at {} could not be remembered for look-ups: {}", TextRules.loggable(customer.customerId()),
                    outcome.vendor(), TextRules.loggable(e.getMessage()));
        }
    }

    /** Nothing is lost: a customer no vendor took is kept; should even that fail, the caller is told so. */
    private Outcome keepAsDeadLetter(Outcome failed, SchemaName from, Vendor vendor, String customerId,
                                     String correlationId, Origin origin) {
        try {
            return failed.withDeadLetter(deadLetters.keep(origin, vendor, from, customerId, correlationId, failed),
                    failed.error());
        } catch (RuntimeException e) {
            LOG.error("customer {} failed at {} and could not be kept as a dead letter", TextRules.loggable(customerId),
                    vendor.id(), e);
            return failed.withDeadLetter(null, failed.error() + "; and it could not be kept as a dead letter: "
                    + e.getMessage());
        }
    }
}
