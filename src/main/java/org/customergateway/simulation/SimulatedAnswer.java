package org.customergateway.simulation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a simulator answers one request: status, content type and body. */
public record SimulatedAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static SimulatedAnswer of(int status, String contentType, byte[] body) {
        return new SimulatedAnswer(status, contentType, body, Map.of());
    }

    public static SimulatedAnswer text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
