package org.customergateway.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Message;

/**
 * Inbound authentication: when {@code gateway.auth.api-keys} lists keys, every HTTP endpoint (the
 * facades included) wants one, in {@code X-Api-Key} or as {@code Authorization: Bearer <key>}.
 * Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, against every configured
 * key, so the time taken says nothing about how much of a key was right. The credential headers are
 * removed once checked, so nothing after this step can log or forward them.
 */
public final class ApiKeys {

    private final List<byte[]> digests;

    public ApiKeys(String commaSeparatedKeys) {
        this.digests = commaSeparatedKeys == null ? List.of() : Arrays.stream(commaSeparatedKeys.split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).map(ApiKeys::digest).toList();
    }

    public boolean isEnabled() {
        return !digests.isEmpty();
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
        if (presented == null || !matches(digest(presented))) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "an API key is required, in X-Api-Key or as Authorization: Bearer <key>"));
        }
    }

    private boolean matches(byte[] presented) {
        boolean found = false;
        for (byte[] key : digests) {
            found |= MessageDigest.isEqual(key, presented);
        }
        return found;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
