package org.customergateway.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;

/**
 * One vendor's circuit breaker, kept by the two steps of {@code routes/<vendor>-call} around its HTTP call:
 * {@link #permit} before it, {@link #settle} in its {@code doFinally}, whatever came of it. (Camel's
 * circuitBreaker EIP would run the call synchronously on a copy of the exchange; these steps let the call
 * be asynchronous.) Bound once per vendor ({@code simplepinBreaker}, {@code syntchBreaker}), so that a
 * route calls a method without arguments: Camel parses a call written with them, {@code permit(*, 'syntch')},
 * on every call (1 % of an HTTP create's CPU, BENCHMARKS.md session 13).
 * Only the vendor itself failing counts: a 5xx, a timeout, a refused or dropped connection; a 4xx,
 * and a 408 or 429 asking the gateway to wait, count as calls that worked.
 */
public final class VendorBreaker {

    private final CircuitBreaker breaker;

    VendorBreaker(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    CircuitBreaker circuit() {
        return breaker;
    }

    /**
     * Lets the call through, or refuses it while the circuit is open. What an earlier call left (its
     * status, a failure caught) is cleared, so that {@link #settle} sees this call's outcome only.
     *
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while the circuit is open
     */
    public void permit(Exchange exchange) {
        breaker.acquirePermission();
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        exchange.getMessage().removeHeader(Exchange.HTTP_RESPONSE_CODE);
        exchange.setProperty(DispatchProperties.CALL_STARTED, System.nanoTime());
    }

    /**
     * Counts the call {@link #permit} let through: no answer (a timeout, a refused or dropped connection:
     * the failure the doFinally holds as caught, which goes on to the caller as it was) or a 5xx against the
     * circuit, any other answer for it. A call that got no answer is noted as one that may have landed,
     * unless its connection was refused. A call never let through counts for nothing.
     */
    public void settle(Exchange exchange) {
        Long started = exchange.getProperty(DispatchProperties.CALL_STARTED, Long.class);
        if (started == null) {
            return;
        }
        exchange.removeProperty(DispatchProperties.CALL_STARTED);
        long took = System.nanoTime() - started;
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (error != null) {
            breaker.onError(took, TimeUnit.NANOSECONDS, error);
            if (mayHaveLanded(error)) {
                exchange.setProperty(DispatchProperties.MAY_HAVE_LANDED, true);
            }
            return;
        }
        // the status alone decides (the answer itself is read once, by the vendor's answers bean)
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status >= 500 && VendorReply.isRetryableStatus(status)) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new VendorNotNowException(
                    new VendorReply(status, null, new byte[0], null, VendorReply.Failure.NONE)));
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
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
}
