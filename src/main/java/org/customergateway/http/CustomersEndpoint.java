package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;
import org.customergateway.canonical.CanonicalCsv;
import org.customergateway.canonical.Customer;
import org.customergateway.dispatch.BatchResult;
import org.customergateway.dispatch.DispatchRequest;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Origin;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.Idempotency;
import org.customergateway.ledger.LedgeredDispatch;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translator;

/**
 * {@code POST /api/v1/customers} (routes/customers-http-source): a canonical customer (JSON or XML), or
 * many (CSV, one per record), created at the target of {@code X-Gateway-Target}, else
 * {@code gateway.default-target}; one outcome per vendor in the answer, per record for CSV.
 */
public final class CustomersEndpoint {

    private final Translator translator;
    private final LedgeredDispatch dispatch;
    private final Codecs codecs;
    private final RequestBody requestBody;
    private final Target defaultTarget;
    private final CanonicalCsv csv = new CanonicalCsv();

    public CustomersEndpoint(Translator translator, LedgeredDispatch dispatch, Codecs codecs, RequestBody requestBody,
                             Target defaultTarget) {
        this.translator = translator;
        this.dispatch = dispatch;
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

    /** Every CSV record on its own: a bad row is answered 422 with its reason and the others go on. */
    public void createEach(Message message) throws IOException {
        String correlationId = CorrelationIds.of(message);
        BatchResult batch = createEach(requestBody.bytes(message), target(message.getHeader("X-Gateway-Target", String.class)),
                correlationId, "true".equalsIgnoreCase(message.getHeader("includeRaw", String.class)),
                message.getHeader("Idempotency-Key", String.class), SafeHeaders.of(message));
        HttpReply.write(message, batch.httpStatus(), "application/json", codecs.json(), batch);
        message.setHeader(CorrelationIds.HEADER, correlationId);
    }

    private Idempotency.Answer createOne(Customer customer, Target target, String correlationId, boolean includeRaw,
                                         String explicitKey, Origin origin) {
        try {
            return dispatch.dispatch(SchemaName.CANONICAL, customer, target, explicitKey, correlationId, includeRaw, origin);
        } catch (Idempotency.KeyReusedException | Idempotency.StillInProgressException e) {
            throw new ProblemException(Problem.of(409, "idempotency-conflict", "Conflict", e.getMessage()));
        }
    }

    private BatchResult createEach(byte[] body, Target target, String correlationId, boolean includeRaw,
                                   String explicitKey, Map<String, String> headers) throws JsonProcessingException {
        Iterator<CanonicalCsv.Record> records;
        try {
            records = csv.read(new ByteArrayInputStream(body));
        } catch (IOException unreadable) {
            throw ProblemException.badRequest("the CSV cannot be read: " + unreadable.getMessage());
        }
        List<BatchResult.RecordResult> results = new ArrayList<>();
        while (records.hasNext()) {
            CanonicalCsv.Record record = records.next();
            if (!record.isValid()) {
                results.add(new BatchResult.RecordResult(record.number(), 422, null, record.error()));
                continue;
            }
            // each record is kept and keyed as the canonical JSON it became
            byte[] recordBody = codecs.json().writeValueAsBytes(record.customer());
            Origin origin = new Origin("http", BodyFormat.JSON.mediaType(), recordBody, headers, null);
            String recordKey = explicitKey == null || explicitKey.isBlank() ? null : explicitKey + "#" + record.number();
            try {
                Idempotency.Answer answer = createOne(record.customer(), target, correlationId + "-" + record.number(),
                        includeRaw, recordKey, origin);
                results.add(new BatchResult.RecordResult(record.number(), answer.httpStatus(), answer.result(), null));
            } catch (ProblemException conflict) {
                results.add(new BatchResult.RecordResult(record.number(), 409, null, conflict.getMessage()));
            }
        }
        if (results.isEmpty()) {
            throw ProblemException.badRequest("the CSV has a header but no record");
        }
        return new BatchResult(correlationId, results);
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
