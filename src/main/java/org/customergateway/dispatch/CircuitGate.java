package org.customergateway.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backpressure for the consumers that have a backlog (SPEC 6): while a vendor's circuit is open, the
 * queue and the file drop wait here before dispatching a customer for that vendor, instead of turning
 * their backlog into dead letters; they go on when the circuit half-opens (its trial calls then decide)
 * or closes. An HTTP caller never waits here: it gets FAILED at once. Only what was already in flight
 * when the circuit opened still ends as a dead letter.
 */
public final class CircuitGate {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitGate.class);

    private final Map<Vendor, CircuitBreaker> breakers = new EnumMap<>(Vendor.class);
    private final Object monitor = new Object();

    /** Follows a vendor's breaker (the one its route's circuitBreaker uses). */
    public void watch(Vendor vendor, CircuitBreaker breaker) {
        synchronized (monitor) {
            breakers.put(vendor, breaker);
        }
        breaker.getEventPublisher().onStateTransition(event -> {
            LOG.warn("{} circuit {}: the queue and the file drop {}", vendor.id(),
                    event.getStateTransition().getToState().name().toLowerCase(java.util.Locale.ROOT),
                    isOpen(event.getStateTransition().getToState()) ? "pause" : "go on");
            synchronized (monitor) {
                monitor.notifyAll();
            }
        });
    }

    /** Waits while the circuit of any vendor of {@code target} is open. */
    public void awaitClosed(Target target) throws InterruptedException {
        synchronized (monitor) {
            while (anyOpen(target)) {
                // a transition wakes us; the timeout only guards against a missed one
                monitor.wait(TimeUnit.SECONDS.toMillis(1));
            }
        }
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
