package org.customergateway.ledger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.camel.Exchange;
import org.customergateway.dispatch.Continuations;
import org.customergateway.dispatch.DispatchProperties;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.translation.Translator;

/**
 * The ledger's steps in {@code routes/customer-dispatch-action}, the same for every way in: a customer's
 * identity is the caller's key, else target, customerId and a hash of the customer as it came; a
 * repeat is answered from the ledger (docs/flow.md), a claim whose dispatch failed is given up.
 * <p>
 * Claim, settle and release are asynchronous steps: each goes on once the ledger has committed it, where
 * the customer's flow goes on ({@link Continuations}); no thread waits for the commit.
 */
public final class DispatchLedger {

    private static final String REPLAY_KEY = "replay:";
    /** {@code System.nanoTime()} after which a repeat stops waiting for the first request's result. */
    static final String WAIT_ENDS = "GatewayClaimWaitEnds";
    /** The last pause before asking a held claim again, in milliseconds. */
    private static final String PAUSE = "GatewayClaimPause";
    /** The request's hash and its ledger key, computed once (a SHA-256 of the whole body) for claim and settle. */
    private static final String HASH = "GatewayRequestHash";
    private static final String KEY = "GatewayLedgerKey";

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Translator translator;
    private final Idempotency idempotency;
    private final Duration repeatWait;
    private final Continuations continuations;

    public DispatchLedger(Translator translator, Idempotency idempotency, Duration repeatWait, Continuations continuations) {
        this.translator = translator;
        this.idempotency = idempotency;
        this.repeatWait = repeatWait;
        this.continuations = continuations;
    }

    /**
     * What every later step needs to know of the request in the body: the request itself, the customer's
     * id, the sinks it goes to, when its dispatch began and how long a repeat may wait for a first.
     */
    public void identify(Exchange exchange) {
        DispatchRequest request = exchange.getMessage().getBody(DispatchRequest.class);
        long now = System.nanoTime();
        exchange.setProperty(DispatchProperties.STARTED, now);
        exchange.setProperty(WAIT_ENDS, now + repeatWait.toNanos());
        exchange.setProperty(DispatchProperties.REQUEST, request);
        exchange.setProperty(DispatchProperties.CUSTOMER_ID, customerId(request));
        exchange.setProperty(DispatchProperties.SINKS, request.target().sinks());
    }

    /**
     * Claims the request for this dispatch; when it was handled before, the body becomes its stored result
     * and {@value DispatchProperties#REPLAYED} is set; while the first request with its key is still
     * running, {@value DispatchProperties#CLAIM_HELD} is set and the route asks again after
     * {@link #pauseBeforeAskingAgain}.
     *
     * @throws Idempotency.KeyReusedException       when the key was used with another request
     * @throws Idempotency.StillInProgressException when the first request is still running at the end of
     *                                              the caller's wait
     */
    public CompletionStage<Void> claim(Exchange exchange) {
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        exchange.setProperty(DispatchProperties.CLAIM_HELD, false);
        if (!request.idempotent()) {
            return DONE;
        }
        return idempotency.claim(key(exchange), requestHash(exchange), continuations.of(exchange)).handle((earlier, failure) -> {
            if (failure == null) {
                if (earlier != null) {
                    exchange.setProperty(DispatchProperties.REPLAYED, true);
                    exchange.getMessage().setBody(earlier.result());
                }
                return null;
            }
            if (failure.getCause() instanceof Idempotency.StillInProgressException
                    && System.nanoTime() - exchange.getProperty(WAIT_ENDS, Long.class) < 0) {
                exchange.setProperty(DispatchProperties.CLAIM_HELD, true);
                return null;
            }
            throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
        });
    }

    /**
     * Milliseconds until a held claim is asked again: 20, then twice as long each time, at most 500. Not
     * Camel's redelivery, which would back off alike: an exchange a sub-route's error handler has given
     * up on is not handled again by its caller, so a key used with another body would no longer reach
     * the ways in's 409.
     */
    public long pauseBeforeAskingAgain(Exchange exchange) {
        Long last = exchange.getProperty(PAUSE, Long.class);
        long next = last == null ? 20 : Math.min(last * 2, 500);
        exchange.setProperty(PAUSE, next);
        return next;
    }

    /** Records the result in the body (or gives the claim up when a vendor failed: not final). */
    public CompletionStage<Void> settle(Exchange exchange) {
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        if (!request.idempotent()) {
            return DONE;
        }
        return idempotency.settle(key(exchange), exchange.getMessage().getBody(DispatchResult.class), continuations.of(exchange));
    }

    /** The dispatch failed: the claim is given up so that a repeat may try at once, and the failure goes on. */
    public CompletionStage<Void> release(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        CompletableFuture<Void> released = request != null && request.idempotent()
                ? idempotency.release(key(exchange), continuations.of(exchange)) : DONE;
        return released.thenCompose(ignored -> CompletableFuture.failedFuture(caught));
    }

    private String key(Exchange exchange) {
        String key = exchange.getProperty(KEY, String.class);
        if (key == null) {
            key = keyOf(exchange);
            exchange.setProperty(KEY, key);
        }
        return key;
    }

    private String keyOf(Exchange exchange) {
        DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
        if (request.origin().replayOf() != null) {
            // a dead letter's replay, keyed by the letter and its try in a namespace of its own: no caller's
            // Idempotency-Key can take its place
            return REPLAY_KEY + request.explicitKey();
        }
        if (request.explicitKey() != null && !request.explicitKey().isBlank()) {
            return Idempotency.EXPLICIT_KEY + request.explicitKey();
        }
        return "derived:" + request.target().id() + ":" + exchange.getProperty(DispatchProperties.CUSTOMER_ID, String.class)
                + ":" + requestHash(exchange);
    }

    private static String requestHash(Exchange exchange) {
        String hash = exchange.getProperty(HASH, String.class);
        if (hash == null) {
            DispatchRequest request = exchange.getProperty(DispatchProperties.REQUEST, DispatchRequest.class);
            hash = Idempotency.sha256(request.target().id(), request.origin().body());
            exchange.setProperty(HASH, hash);
        }
        return hash;
    }

    /** The customer's id as the canonical schema names it. */
    public String customerId(DispatchRequest request) {
        return translator.schema(request.schema()).toCanonical(request.document()).value().customerId();
    }
}
