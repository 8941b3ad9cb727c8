package org.customergateway.syntch.sandbox;

import org.customergateway.syntch.CustomerDetail;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.syntch.ResponseStatus;
import org.customergateway.syntch.DotNetTimestamp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.json.BodyFormat;
import org.customergateway.syntch.sandbox.PostCustomerRules;
import org.customergateway.simulation.SimulatedAnswer;
import org.customergateway.simulation.SimulatedRequest;
import org.customergateway.simulation.SimulatorServer;

/**
 * Syntch Gateway as its PostCustomer document describes it, over real HTTP: {@code POST /customers}
 * behind Basic or API-key (Bearer) authentication, every rule of the document enforced by rule code of
 * its own ({@link PostCustomerRules}, never the gateway's validation: README.md), ServiceStack
 * {@code ResponseStatus} errors, 409 for a CustomerId it already has, and a store a test can count.
 */
public final class SyntchSimulator implements AutoCloseable {

    public static final String POST_CUSTOMERS = "POST /customers";
    private static final String JSON = "application/json";

    private final Codecs codecs = new Codecs();
    private final Map<String, CustomerDetail> customers = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong(5000);
    private final AtomicLong duplicates = new AtomicLong();
    private final String basicCredentials;
    private final String apiKey;
    private final SimulatorServer server;

    /**
     * @param username and {@code password}: the Basic credentials it accepts
     * @param apiKey   the API key it accepts as {@code Authorization: Bearer <key>}
     * @param port     0 for any free port
     */
    public SyntchSimulator(String username, String password, String apiKey, int port) {
        this.basicCredentials = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.apiKey = apiKey;
        this.server = new SimulatorServer("Syntch", port, this::handle);
    }

    public SimulatorServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Customers created so far. */
    public int customerCount() {
        return customers.size();
    }

    /** Creates refused because the CustomerId was already there: each one a create sent twice. */
    public long duplicateCreates() {
        return duplicates.get();
    }

    public CustomerDetail customer(String customerId) {
        return customers.get(customerId);
    }

    private SimulatedAnswer handle(SimulatedRequest request) {
        if (!request.path().equals("/customers")) {
            return error(404, "NotFound", "no route " + request.method() + " " + request.path(), List.of());
        }
        if (!request.method().equals("POST")) {
            return error(405, "MethodNotAllowed", request.method() + " is not supported on /customers", List.of());
        }
        if (!authenticated(request.header("authorization"))) {
            return error(401, "Unauthorized", "Not Authenticated", List.of());
        }
        JsonNode body;
        PostCustomer customer;
        try {
            body = codecs.lenient(BodyFormat.JSON).readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new java.io.IOException("not an object");
            }
            customer = codecs.lenient(BodyFormat.JSON).treeToValue(body, PostCustomer.class);
        } catch (java.io.IOException e) {
            return error(400, "SerializationException", "could not read the PostCustomer body", List.of());
        }
        // the document's rules, in the simulator's own code (README.md), on the request as it came
        List<FieldMessage> violations = PostCustomerRules.check(body);
        if (!violations.isEmpty()) {
            return error(400, "ValidationException", violations.get(0).message(), violations);
        }
        CustomerDetail created = stored(customer);
        if (customer.customerId() != null && customers.putIfAbsent(customer.customerId(), created) != null) {
            duplicates.incrementAndGet();
            return error(409, "Conflict", "Customer " + customer.customerId() + " already exists", List.of());
        }
        return json(200, created);
    }

    private boolean authenticated(String authorization) {
        if (authorization == null) {
            return false;
        }
        return authorization.equals(basicCredentials) || (apiKey != null && authorization.equals("Bearer " + apiKey));
    }

    private CustomerDetail stored(PostCustomer customer) {
        String now = DotNetTimestamp.write(OffsetDateTime.now(ZoneOffset.UTC));
        return new CustomerDetail(nextKey.incrementAndGet(), customer.customerId(), customer.customerName(),
                customer.activationStatus(), customer.merchantKey() == null ? 1 : customer.merchantKey(), now, now,
                customer.defaultContact(), customer.billingAddress(), customer.shippingAddress());
    }

    private SimulatedAnswer error(int status, String code, String message, List<FieldMessage> violations) {
        List<ResponseStatus.ResponseError> errors = violations.stream()
                .map(v -> new ResponseStatus.ResponseError("Invalid", v.field(), v.message())).toList();
        return json(status, new ResponseStatus.Envelope(new ResponseStatus(code, message, null, errors)));
    }

    private SimulatedAnswer json(int status, Object body) {
        try {
            return SimulatedAnswer.of(status, JSON, codecs.json().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
