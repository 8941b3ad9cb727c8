package org.customergateway.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.camel.Message;
import org.customergateway.canonical.CanonicalCsv;
import org.customergateway.dispatch.BatchResult;
import org.customergateway.dispatch.CustomerDispatcher;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translator;

/**
 * {@code POST /api/v1/customers}: a canonical customer (JSON or XML), or many (CSV, one per record),
 * created at the target of {@code X-Gateway-Target}, else {@code gateway.default-target}; one outcome
 * per vendor in the answer, per record for CSV.
 */
public final class CustomersEndpoint {

    private final Translator translator;
    private final CustomerDispatcher dispatcher;
    private final Codecs codecs;
    private final RequestBody requestBody;
    private final Target defaultTarget;
    private final CanonicalCsv csv = new CanonicalCsv();

    public CustomersEndpoint(Translator translator, CustomerDispatcher dispatcher, Codecs codecs,
                             RequestBody requestBody, Target defaultTarget) {
        this.translator = translator;
        this.dispatcher = dispatcher;
        this.codecs = codecs;
        this.requestBody = requestBody;
        this.defaultTarget = defaultTarget;
    }

    public void create(Message message) throws IOException {
        BodyFormat format = RequestBody.format(message);
        Target target = target(message.getHeader("X-Gateway-Target", String.class));
        String correlationId = CorrelationIds.of(message);
        boolean includeRaw = "true".equalsIgnoreCase(message.getHeader("includeRaw", String.class));
        byte[] body = requestBody.bytes(message);
        if (format == BodyFormat.CSV) {
            BatchResult batch = createEach(body, target, correlationId, includeRaw);
            HttpReply.write(message, batch.httpStatus(), "application/json", codecs.json(), batch);
        } else {
            Object customer = translator.schema(SchemaName.CANONICAL).read(body, format);
            DispatchResult result = dispatcher.dispatch(SchemaName.CANONICAL, customer, target, correlationId, includeRaw);
            HttpReply.write(message, result.httpStatus(), "application/json", codecs.json(), result);
        }
        message.setHeader(CorrelationIds.HEADER, correlationId);
    }

    /** Every CSV record on its own: a bad row is answered 422 with its reason and the others go on. */
    private BatchResult createEach(byte[] body, Target target, String correlationId, boolean includeRaw) {
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
            DispatchResult result = dispatcher.dispatch(SchemaName.CANONICAL, record.customer(), target,
                    correlationId + "-" + record.number(), includeRaw);
            results.add(new BatchResult.RecordResult(record.number(), result.httpStatus(), result, null));
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
