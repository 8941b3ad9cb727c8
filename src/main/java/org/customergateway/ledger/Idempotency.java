package org.customergateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.OutcomeStatus;

/**
 * docs/http-api.md's idempotency: the first request with a key dispatches and its result is stored;
 * a repeat with the same body, within the TTL, gets the stored result with {@code replayed: true} and
 * sends nothing; a repeat with another body is refused; a repeat arriving while the first is still
 * running waits for its result. The ledger's database makes this hold across restarts and instances.
 * A result in which a vendor FAILED (retries spent, circuit open) is not kept: it is not final (the
 * customer waits as a dead letter), and a repeat tries again; the vendors' own duplicate checks keep
 * that from creating twice.
 * <p>
 * Each step completes once the ledger has committed it, on the executor its caller names ({@code then}:
 * where the customer's flow goes on), never on the ledger's writer, which must stay free for the next
 * batch. A step's own failure arrives wrapped in Java's {@code CompletionException}.
 */
public final class Idempotency {

    /** What to answer: the status and the result, replayed or fresh. */
    public record Answer(int httpStatus, DispatchResult result) {
    }

    /** How the ledger marks a caller's own Idempotency-Key (a derived identity starts otherwise). */
    public static final String EXPLICIT_KEY = "key:";

    /** The key was used before with another body (409). */
    public static final class KeyReusedException extends RuntimeException {
        public KeyReusedException(String key) {
            super("the Idempotency-Key '" + (key.startsWith(EXPLICIT_KEY) ? key.substring(EXPLICIT_KEY.length()) : key)
                    + "' was used before with a different request");
        }
    }

    /** The first request with this key is still running (409 once the caller's wait is over: try again later). */
    public static final class StillInProgressException extends RuntimeException {
        public StillInProgressException() {
            super("a request with the same idempotency key is still being handled; try again shortly");
        }
    }

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final String owner;
    private final Duration ttl;
    private final Duration lease;

    public Idempotency(IdempotencyStore store, ObjectMapper json, String owner, Duration ttl, Duration lease) {
        this.store = store;
        this.json = json;
        this.owner = owner;
        this.ttl = ttl;
        this.lease = lease;
    }

    /**
     * Claims the request for this caller: one try, never a wait. A repeat that finds the first still
     * running is told so ({@link StillInProgressException}); {@code routes/customer-dispatch-action} asks
     * again, on a schedule, until the first has its result or the caller's wait is over.
     *
     * @return completes with the stored answer, replayed, when the request was handled before; with null
     * when it is now ours
     */
    public CompletableFuture<Answer> claim(String key, String requestHash, Executor then) {
        return store.claim(key, requestHash, owner, lease, ttl).handleAsync((claim, failure) -> {
            if (failure != null) {
                Throwable cause = unwrapped(failure);
                throw new IllegalStateException("the ledger cannot be reached: " + cause.getMessage(), cause);
            }
            if (claim instanceof IdempotencyStore.Claim.Owned) {
                return null;
            }
            if (claim instanceof IdempotencyStore.Claim.Done done) {
                return new Answer(done.httpStatus(), replayed(done.result()));
            }
            if (claim instanceof IdempotencyStore.Claim.Conflict) {
                throw new KeyReusedException(key);
            }
            throw new StillInProgressException();
        }, then);
    }

    /**
     * Records a claimed request's result. One in which a vendor FAILED is not final (the customer waits
     * as a dead letter, and the caller may try again): the claim is released instead.
     */
    public CompletableFuture<Void> settle(String key, DispatchResult result, Executor then) {
        if (result.outcomes().stream().anyMatch(o -> o.status() == OutcomeStatus.FAILED)) {
            return release(key, then);
        }
        String stored;
        try {
            stored = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the result could not be written for the ledger", e));
        }
        return recordResult(key, result.httpStatus(), stored, 1).handleAsync((rows, failure) -> {
            if (failure != null) {
                Throwable cause = unwrapped(failure);
                throw new IllegalStateException("the result could not be recorded in the ledger: " + cause.getMessage(), cause);
            }
            return null;
        }, then);
    }

    /** Gives a claimed request up (its dispatch failed); a repeat may claim it at once. */
    public CompletableFuture<Void> release(String key, Executor then) {
        // a release that fails is left alone: the lease runs out by itself, and a later request takes the key over then
        return store.release(key, owner).handleAsync((rows, ignored) -> null, then);
    }

    public static String sha256(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            // Base64 (43 characters) rather than hex (64): it is stored twice per record, in the key and beside it
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A few tries: a busy embedded database can refuse one write (a lock wait) and take the next. */
    private CompletableFuture<Integer> recordResult(String key, int httpStatus, String stored, int attempt) {
        return store.complete(key, owner, httpStatus, stored).exceptionallyCompose(failure ->
                attempt < 3 && unwrapped(failure) instanceof SQLException
                        ? recordResult(key, httpStatus, stored, attempt + 1)
                        : CompletableFuture.failedFuture(failure));
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private DispatchResult replayed(String stored) {
        try {
            DispatchResult result = json.readValue(stored, DispatchResult.class);
            return new DispatchResult(result.correlationId(), result.customerId(), true, result.outcomes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored result cannot be read back", e);
        }
    }
}
