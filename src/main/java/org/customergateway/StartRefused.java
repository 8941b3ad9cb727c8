package org.customergateway;

/**
 * The gateway will not start as configured, and the message says what to change (a setting missing or
 * misspelt, a port in use). {@link GatewayMain} writes it as one line and exits 1: a stack trace would
 * only hide the sentence that matters.
 */
public final class StartRefused extends IllegalStateException {

    public StartRefused(String message) {
        super(message);
    }
}
