package org.customergateway.esb;

/**
 * The broker the queue entry uses: its URL, the gateway's credentials there, and where its journal is
 * when it is the embedded one (null otherwise).
 */
public record QueueBroker(String url, BrokerCredentials credentials, String embeddedJournal) {

    /** As the start-up report names it. */
    public String describe() {
        return url + (embeddedJournal == null ? "" : " (embedded, journal in " + embeddedJournal + ")");
    }
}
