package org.customergateway.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * One vendor call's result: an HTTP answer, or a failure to get one.
 *
 * @param status     the HTTP status, or 0 when there was no answer
 * @param failure    why there was no answer (or the circuit was open); NONE when there was one
 * @param retryAfter the vendor's Retry-After header, as given (seconds or an HTTP date), or null
 */
public record VendorReply(int status, String contentType, byte[] body, String retryAfter, Failure failure) {

    public enum Failure { NONE, TIMEOUT, CONNECTION, CIRCUIT_OPEN, PACED }

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    public static VendorReply failed(Failure failure) {
        return new VendorReply(0, null, new byte[0], null, failure);
    }

    public boolean isSuccess() {
        return failure == Failure.NONE && status >= 200 && status < 300;
    }

    /** Connection failures, timeouts and the "not now" statuses; never another 4xx, never an open circuit. */
    public boolean isRetryable() {
        return failure == Failure.TIMEOUT || failure == Failure.CONNECTION
                || (failure == Failure.NONE && RETRYABLE_STATUSES.contains(status));
    }

    /** The call may have reached the vendor and done its work although no answer came back. */
    public boolean mayHaveLanded() {
        return failure == Failure.TIMEOUT || failure == Failure.CONNECTION || (failure == Failure.NONE && status >= 500);
    }

    public static boolean isRetryableStatus(int status) {
        return RETRYABLE_STATUSES.contains(status);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The wait the vendor asked for, or null when it asked for none (or said it unreadably). */
    public Duration retryAfterDelay(ZonedDateTime now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String value = retryAfter.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    public String describe() {
        return switch (failure) {
            case TIMEOUT -> "no answer within the timeout";
            case CONNECTION -> "could not connect, or the connection was dropped";
            case CIRCUIT_OPEN -> "circuit open: the vendor failed too often lately, not called";
            case PACED -> "paced: the vendor's lane is full (it answered 429, or its max-rate is reached), not called";
            case NONE -> "HTTP " + status;
        };
    }
}
