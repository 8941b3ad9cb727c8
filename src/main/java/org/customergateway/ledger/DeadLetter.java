package org.customergateway.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/** A customer that could not be created at a vendor, kept with all it takes to try again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String id, OffsetDateTime createdAt, String wayIn, String vendor, String sourceSchema,
                         String contentType, String body, Map<String, String> headers, String customerId,
                         String correlationId, String error, int attempts, String state, OffsetDateTime replayedAt,
                         String replayResult) {

    public static final String WAITING = "WAITING";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";

    /** The letter without its body, for lists. */
    public DeadLetter summary() {
        return new DeadLetter(id, createdAt, wayIn, vendor, sourceSchema, contentType, null, null, customerId,
                correlationId, error, attempts, state, replayedAt, null);
    }
}
