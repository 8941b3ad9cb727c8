package org.customergateway.dispatch;

import org.apache.camel.Exchange;

/**
 * How many attempts a vendor exchange took, and whether any failed one may have done its work although
 * its answer was lost (then a later "already exists" is our own create). Each attempt route counts
 * itself first ({@link #countOne}): Camel's redelivery counter is gone by the time the retries are spent.
 */
public record AttemptsMade(int count, boolean mayHaveLanded) {

    private static final String ATTEMPTS = "GatewayAttempts";

    public static void countOne(Exchange exchange) {
        exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1);
    }

    public static AttemptsMade of(Exchange exchange) {
        return new AttemptsMade(Math.max(1, exchange.getProperty(ATTEMPTS, 0, Integer.class)),
                exchange.getProperty(DispatchProperties.MAY_HAVE_LANDED, false, Boolean.class));
    }
}
