package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Message;
import org.customergateway.dispatch.CustomerMemory;
import org.customergateway.json.Codecs;

/**
 * {@code GET /api/v1/customers/{customerId}}: where a customer is, as the gateway remembers it: per
 * vendor its id there, whether the gateway created it or found it already there, when, through
 * which way in and in how many attempts. 404 when no vendor holds it as far as the gateway knows.
 */
public final class CustomerLookupEndpoint {

    /** The answer. */
    public record Whereabouts(String customerId, List<AtVendor> vendors) {
    }

    /** One vendor that holds the customer. */
    public record AtVendor(String vendor, String vendorCustomerId, String status, String wayIn, OffsetDateTime recordedAt,
                           Integer attempts) {
    }

    private final CustomerMemory customers;
    private final Codecs codecs;

    public CustomerLookupEndpoint(CustomerMemory customers, Codecs codecs) {
        this.customers = customers;
        this.codecs = codecs;
    }

    public void find(Message message) throws JsonProcessingException {
        String customerId = message.getHeader("customerId", String.class);
        List<AtVendor> vendors = customers.find(customerId).stream()
                .map(r -> new AtVendor(r.vendor(), r.vendorCustomerId(), r.status(), r.wayIn(), r.recordedAt(), r.attempts()))
                .toList();
        if (vendors.isEmpty()) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "no vendor holds customer " + customerId + " as far as the gateway knows"));
        }
        HttpReply.write(message, 200, "application/json", codecs.json(), new Whereabouts(customerId, vendors));
    }
}
