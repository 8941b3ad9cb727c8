package org.customergateway.http;

import java.util.UUID;
import org.apache.camel.Message;

/** The id that follows one customer through the gateway's logs and its calls to the vendors. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    private CorrelationIds() {
    }

    /** The caller's {@code X-Correlation-Id} when it is a plausible id (printable, not huge), else a new one. */
    public static String of(Message message) {
        String given = message.getHeader(HEADER, String.class);
        if (given != null && !given.isBlank() && given.length() <= 200 && given.chars().allMatch(c -> c > 32 && c < 127)) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
