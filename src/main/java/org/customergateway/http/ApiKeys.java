package org.customergateway.http;

import org.apache.camel.Message;
import org.customergateway.auth.KeyRing;

/**
 * Inbound authentication: when {@code gateway.auth.api-keys} lists keys, every HTTP endpoint (the
 * facades included) wants one, in {@code X-Api-Key} or as {@code Authorization: Bearer <key>}
 * ({@link KeyRing} compares them). The credential headers are removed once checked, so nothing after
 * this step can log or forward them.
 */
public final class ApiKeys {

    private final KeyRing keys;

    public ApiKeys(KeyRing keys) {
        this.keys = keys;
    }

    public boolean isEnabled() {
        return !keys.isEmpty();
    }

    public void check(Message message) {
        String presented = message.getHeader("X-Api-Key", String.class);
        String authorization = message.getHeader("Authorization", String.class);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        message.removeHeader("X-Api-Key");
        message.removeHeader("Authorization");
        if (!isEnabled()) {
            return;
        }
        if (!keys.accepts(presented)) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "an API key is required, in X-Api-Key or as Authorization: Bearer <key>"));
        }
    }
}
