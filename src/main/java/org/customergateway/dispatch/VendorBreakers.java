package org.customergateway.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.ConnectException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;

/**
 * Each vendor's circuit breaker, kept by the steps of {@code routes/<vendor>-call} around its HTTP call:
 * {@link #permit} before, {@link #answered} or {@link #failed} after. (Camel's circuitBreaker EIP would
 * run the call synchronously on a copy of the exchange; these steps let the call be asynchronous.)
 * Only the vendor itself failing counts: a 5xx, a timeout, a refused or dropped connection; a 4xx,
 * and a 408 or 429 asking the gateway to wait, count as calls that worked.
 */
public final class VendorBreakers {

    private final CircuitBreakerRegistry registry;
    private final Map<Vendor, CircuitBreaker> breakers = new EnumMap<>(Vendor.class);

    public VendorBreakers(CircuitBreakerConfig config) {
        this.registry = CircuitBreakerRegistry.of(config);
        for (Vendor vendor : Vendor.values()) {
            // the name its meters carry: resilience4j_circuitbreaker_state{name="syntch-circuit-breaker"}
            breakers.put(vendor, registry.circuitBreaker(vendor.id() + "-circuit-breaker"));
        }
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    public CircuitBreaker of(Vendor vendor) {
        return breakers.get(vendor);
    }

    /** @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while the circuit is open */
    public void permit(Exchange exchange, String vendor) {
        breaker(vendor).acquirePermission();
        exchange.setProperty(DispatchProperties.CALL_STARTED, System.nanoTime());
    }

    public void answered(Exchange exchange, String vendor) {
        // the status alone decides (the answer itself is read once, by the vendor's answers bean)
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        long took = took(exchange);
        if (status != null && status >= 500 && VendorReply.isRetryableStatus(status)) {
            breaker(vendor).onError(took, TimeUnit.NANOSECONDS, new VendorNotNowException(
                    new VendorReply(status, null, new byte[0], null, VendorReply.Failure.NONE)));
        } else {
            breaker(vendor).onSuccess(took, TimeUnit.NANOSECONDS);
        }
    }

    /** Counts a call that got no answer, notes whether it may have landed, and fails the exchange with it again. */
    public void failed(Exchange exchange, String vendor) throws Exception {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        breaker(vendor).onError(took(exchange), TimeUnit.NANOSECONDS, error);
        if (mayHaveLanded(error)) {
            exchange.setProperty(DispatchProperties.MAY_HAVE_LANDED, true);
        }
        throw error;
    }

    /** A refused connection never reached the vendor; a timeout or a dropped connection may have. */
    private static boolean mayHaveLanded(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return false;
            }
        }
        return true;
    }

    private CircuitBreaker breaker(String vendor) {
        return breakers.get(Vendor.valueOf(vendor.toUpperCase(java.util.Locale.ROOT)));
    }

    private static long took(Exchange exchange) {
        Long started = exchange.getProperty(DispatchProperties.CALL_STARTED, Long.class);
        return started == null ? 0 : System.nanoTime() - started;
    }
}
