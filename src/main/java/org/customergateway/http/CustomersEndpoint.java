package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.canonical.CanonicalCsv;
import org.customergateway.canonical.Customer;
import org.customergateway.dispatch.BatchResult;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Target;
import org.customergateway.dispatch.UnreadableRequestException;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translator;

/**
 * {@code POST /api/v1/customers} (routes/customers-http-source): a canonical customer (JSON or XML), or
 * many (CSV, one per record), created at the target of {@code X-Gateway-Target}, else
 * {@code gateway.default-target}; one outcome per vendor in the answer, per record for CSV.
 */
public final class CustomersEndpoint {

    private final Translator translator;
    private final Codecs codecs;
    private final RequestBody requestBody;
    private final Target defaultTarget;
    private final CanonicalCsv csv = new CanonicalCsv();

    private static final String CORRELATION_ID = "GatewayCorrelationId";
    private static final String RECORD = "GatewayRecord";

    public CustomersEndpoint(Translator translator, Codecs codecs, RequestBody requestBody, Target defaultTarget) {
        this.translator = translator;
        this.codecs = codecs;
        this.requestBody = requestBody;
        this.defaultTarget = defaultTarget;
    }

    /** A CSV body holds many customers, each created on its own ({@link #createEach}). */
    public boolean isBatch(Message message) {
        return RequestBody.format(message) == BodyFormat.CSV;
    }

    /** One canonical customer (JSON or XML) read into the request {@code direct:customer-dispatch} takes. */
    public DispatchRequest request(Message message) throws IOException {
        BodyFormat format = RequestBody.format(message);
        byte[] body = requestBody.bytes(message);
        Customer customer = (Customer) translator.schema(SchemaName.CANONICAL).read(body, format);
        return new DispatchRequest(SchemaName.CANONICAL, customer, target(message.getHeader("X-Gateway-Target", String.class)),
                CorrelationIds.of(message), "true".equalsIgnoreCase(message.getHeader("includeRaw", String.class)),
                new Origin("http", format.mediaType(), body, SafeHeaders.of(message), null),
                message.getHeader("Idempotency-Key", String.class), true);
    }

    /** The result in the body as the answer: 422 as a problem document, a replay as it was first answered. */
    public void reply(Message message) throws IOException {
        DispatchResult result = message.getBody(DispatchResult.class);
        int status = result.httpStatus();
        if (status == 422) {
            HttpReply.write(message, 422, Problem.MEDIA_TYPE, codecs.json(), Problem.invalidCustomer(result));
        } else {
            HttpReply.write(message, status, "application/json", codecs.json(), result);
        }
        // a replay is the stored answer unchanged: the first request's correlation id, in header and body alike
        message.setHeader(CorrelationIds.HEADER, result.correlationId());
        if (result.replayed()) {
            message.setHeader("Idempotent-Replayed", "true");
        }
    }

    /** A CSV body's records, read as the split of routes/customers-http-source goes through them. */
    public Iterator<CanonicalCsv.Record> records(Exchange exchange) {
        Message message = exchange.getMessage();
        exchange.setProperty(CORRELATION_ID, CorrelationIds.of(message));
        try {
            return csv.read(new ByteArrayInputStream(requestBody.bytes(message)));
        } catch (IOException unreadable) {
            throw ProblemException.badRequest("the CSV cannot be read: " + unreadable.getMessage());
        }
    }

    /**
     * One CSV record as a dispatch request of its own (kept and keyed as the canonical JSON it became, the
     * caller's key suffixed with its number). A row that cannot be read is an UnreadableRequestException,
     * answered by {@link #recordUnreadable}.
     */
    public DispatchRequest recordRequest(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        CanonicalCsv.Record record = message.getBody(CanonicalCsv.Record.class);
        exchange.setProperty(RECORD, record.number());
        if (!record.isValid()) {
            throw new UnreadableRequestException(record.error());
        }
        byte[] recordBody = codecs.json().writeValueAsBytes(record.customer());
        String explicitKey = message.getHeader("Idempotency-Key", String.class);
        return new DispatchRequest(SchemaName.CANONICAL, record.customer(), target(message.getHeader("X-Gateway-Target",
                String.class)), exchange.getProperty(CORRELATION_ID, String.class) + "-" + record.number(),
                "true".equalsIgnoreCase(message.getHeader("includeRaw", String.class)),
                new Origin("http", BodyFormat.JSON.mediaType(), recordBody, SafeHeaders.of(message), null),
                explicitKey == null || explicitKey.isBlank() ? null : explicitKey + "#" + record.number(), true);
    }

    public BatchResult.RecordResult recordResult(Exchange exchange) {
        DispatchResult result = exchange.getMessage().getBody(DispatchResult.class);
        return new BatchResult.RecordResult(exchange.getProperty(RECORD, Long.class), result.httpStatus(), result, null);
    }

    /** A row that cannot be read: its 422, at once. */
    public BatchResult.RecordResult recordUnreadable(Exchange exchange) {
        return new BatchResult.RecordResult(exchange.getProperty(RECORD, Long.class), 422, null,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage());
    }

    /** The record's key was used before with another record (or is still in progress): its 409. */
    public BatchResult.RecordResult recordConflict(Exchange exchange) {
        return new BatchResult.RecordResult(exchange.getProperty(RECORD, Long.class), 409, null,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage());
    }

    /** The records' results (gathered by the split, in order) as the answer. */
    public void writeBatch(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        @SuppressWarnings("unchecked")
        List<BatchResult.RecordResult> results = message.getBody(List.class);
        if (results == null || results.isEmpty()) {
            throw ProblemException.badRequest("the CSV has a header but no record");
        }
        String correlationId = exchange.getProperty(CORRELATION_ID, String.class);
        BatchResult batch = new BatchResult(correlationId, results);
        HttpReply.write(message, batch.httpStatus(), "application/json", codecs.json(), batch);
        message.setHeader(CorrelationIds.HEADER, correlationId);
    }

    private Target target(String header) {
        if (header == null || header.isBlank()) {
            return defaultTarget;
        }
        try {
            return Target.parse(header);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("header X-Gateway-Target: " + e.getMessage());
        }
    }
}
