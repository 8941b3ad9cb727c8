package org.customergateway.syntch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the gateway signs in at Syntch: its API key as {@code Authorization: Bearer} when one is
 * configured, else Basic with username and password. {@link #toString()} never shows a secret.
 */
public record SyntchCredentials(String username, String password, String apiKey) {

    public String authorization() {
        if (apiKey != null && !apiKey.isBlank()) {
            return "Bearer " + apiKey;
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SyntchCredentials[username=" + username + ", password=***, apiKey=***]";
    }
}
