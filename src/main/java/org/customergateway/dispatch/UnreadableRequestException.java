package org.customergateway.dispatch;

/**
 * What a way in was given is not a customer it can read: a facade's body that is not the vendor's
 * document, a CSV row or a dropped file's record that cannot be read. Its route answers it in that way
 * in's own form (the vendor's error, the row's 422, the record's INVALID line in the report); nothing
 * of it is sent.
 */
public final class UnreadableRequestException extends RuntimeException {

    public UnreadableRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableRequestException(String message) {
        super(message);
    }
}
