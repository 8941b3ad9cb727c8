package org.customergateway.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The request headers worth keeping with a dead letter: a fixed list, so that a credential (or any
 * header nobody thought of) can never reach the ledger.
 */
public final class SafeHeaders {

    private static final List<String> KEPT = List.of("X-Gateway-Target", CorrelationIds.HEADER, "Idempotency-Key",
            "locale", "includeRaw");

    private SafeHeaders() {
    }

    public static Map<String, String> of(Message message) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT) {
            String value = message.getHeader(name, String.class);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }
}
