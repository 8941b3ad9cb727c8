package org.customergateway.http;

/**
 * A facade's request body that is not the vendor's document: the facade's route configuration answers
 * it with a 400 in that vendor's error format.
 */
public final class UnreadableRequestException extends RuntimeException {

    public UnreadableRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
