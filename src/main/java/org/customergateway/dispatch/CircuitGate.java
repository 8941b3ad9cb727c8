package org.customergateway.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backpressure for the consumers that have a backlog (docs/flow.md): while a vendor's circuit is open, the
 * queue and the file drop wait here before dispatching a customer for that vendor, instead of turning
 * their backlog into dead letters. When the circuit half-opens, only as many go on as it permits trial
 * calls (the rest would be refused as "circuit open"); the others go on once it closes. An HTTP caller
 * never waits here: it gets FAILED at once. Only what was already in flight when the circuit opened
 * still ends as a dead letter.
 */
public final class CircuitGate {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitGate.class);
    private static final long TRIAL_VERDICT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Map<Vendor, CircuitBreaker> breakers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Trial calls let through since the vendor's circuit last half-opened, and when the last one went. */
    private final Map<Vendor, Integer> trials = new EnumMap<>(Vendor.class);
    private final Map<Vendor, Long> lastTrialAt = new EnumMap<>(Vendor.class);
    /** Consumers waiting here now, by the vendors they wait for. */
    private final Map<Vendor, java.util.concurrent.atomic.AtomicInteger> waiting = new EnumMap<>(Map.of(
            Vendor.SIMPLEPIN, new java.util.concurrent.atomic.AtomicInteger(),
            Vendor.SYNTCH, new java.util.concurrent.atomic.AtomicInteger()));
    private final Object monitor = new Object();

    /** Follows a vendor's breaker (the one routes/<vendor>-call keeps). */
    public void watch(Vendor vendor, CircuitBreaker breaker) {
        synchronized (monitor) {
            breakers.put(vendor, breaker);
        }
        breaker.getEventPublisher().onStateTransition(event -> {
            LOG.warn("{} circuit {}: the queue and the file drop {}", vendor.id(),
                    event.getStateTransition().getToState().name().toLowerCase(java.util.Locale.ROOT),
                    isOpen(event.getStateTransition().getToState()) ? "pause" : "go on");
            synchronized (monitor) {
                trials.put(vendor, 0);
                monitor.notifyAll();
            }
        });
    }

    /**
     * Waits while the circuit of any vendor of {@code target} is open, or half-open with all its trial
     * calls taken.
     */
    public void awaitClosed(Target target) throws InterruptedException {
        if (allClosed(target)) {
            return; // the common case, on every queued customer: no lock taken
        }
        List<Vendor> waitingFor = target.vendors().stream().filter(vendor -> !isClosed(vendor)).toList();
        waitingFor.forEach(vendor -> waiting.get(vendor).incrementAndGet());
        try {
            synchronized (monitor) {
                while (anyOpen(target) || !takeTrials(target)) {
                    // a transition wakes us; the timeout only guards against a missed one
                    monitor.wait(TimeUnit.SECONDS.toMillis(1));
                }
            }
        } finally {
            waitingFor.forEach(vendor -> waiting.get(vendor).decrementAndGet());
        }
    }

    /**
     * Whether a consumer would wait here for {@code target} behind at least {@code enough} others already
     * waiting for one of its vendors: then it had better put its customer aside and serve another
     * (a queue's consumers must not all end up waiting for one vendor while another is healthy).
     */
    public boolean crowded(Target target, int enough) {
        for (Vendor vendor : target.vendors()) {
            if (!isClosed(vendor) && waiting.get(vendor).get() >= enough) {
                return true;
            }
        }
        return false;
    }

    private boolean isClosed(Vendor vendor) {
        CircuitBreaker breaker = breakers.get(vendor);
        return breaker == null || breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    /** For each half-open vendor of the target, one of its trial calls, if all of them have one left. */
    private boolean takeTrials(Target target) {
        long now = System.nanoTime();
        for (Vendor vendor : target.vendors()) {
            CircuitBreaker breaker = breakers.get(vendor);
            if (breaker != null && breaker.getState() == CircuitBreaker.State.HALF_OPEN
                    && trials.getOrDefault(vendor, 0) >= breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState()) {
                // a trial that never reached the vendor (answered from the ledger, say) must not hold the
                // others for ever: after a while without a verdict, another may try
                if (now - lastTrialAt.getOrDefault(vendor, now) < TRIAL_VERDICT_NANOS) {
                    return false;
                }
                trials.put(vendor, 0);
            }
        }
        for (Vendor vendor : target.vendors()) {
            CircuitBreaker breaker = breakers.get(vendor);
            if (breaker != null && breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                trials.merge(vendor, 1, Integer::sum);
                lastTrialAt.put(vendor, now);
            }
        }
        return true;
    }

    private boolean allClosed(Target target) {
        for (Vendor vendor : target.vendors()) {
            CircuitBreaker breaker = breakers.get(vendor);
            if (breaker != null && breaker.getState() != CircuitBreaker.State.CLOSED) {
                return false;
            }
        }
        return true;
    }

    public boolean anyOpen(Target target) {
        for (Vendor vendor : target.vendors()) {
            CircuitBreaker breaker = breakers.get(vendor);
            if (breaker != null && isOpen(breaker.getState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpen(CircuitBreaker.State state) {
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }
}
