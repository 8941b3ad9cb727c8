package org.customergateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The inbound API keys ({@code gateway.auth.api-keys}), which every way in that authenticates asks:
 * the HTTP endpoints and the embedded broker. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every configured key, so the time taken says nothing about how
 * much of a key was right.
 */
public final class KeyRing {

    private final List<String> keys;
    private final List<byte[]> digests;

    private KeyRing(List<String> keys) {
        this.keys = keys;
        this.digests = keys.stream().map(KeyRing::digest).toList();
    }

    /** @param commaSeparatedKeys blank or null for none */
    public static KeyRing of(String commaSeparatedKeys) {
        return new KeyRing(commaSeparatedKeys == null ? List.of() : Arrays.stream(commaSeparatedKeys.split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).toList());
    }

    /** No keys: nothing is asked for one. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The first key, for the gateway's own connections to what it protects (its embedded broker). */
    public String first() {
        return keys.isEmpty() ? null : keys.get(0);
    }

    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = digest(presented);
        boolean found = false;
        for (byte[] key : digests) {
            found |= MessageDigest.isEqual(key, candidate);
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
