package org.customergateway.esb;

/** A message that no retry will make right: it goes to the DLQ with this reason, and to the dead letters. */
public final class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
