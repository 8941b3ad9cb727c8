package org.customergateway.http;

import java.io.IOException;
import org.apache.camel.Message;
import org.customergateway.dispatch.CustomerDispatcher;
import org.customergateway.dispatch.DispatchResult;
import org.customergateway.dispatch.Target;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translator;

/**
 * {@code POST /api/v1/customers}: a canonical customer (JSON or XML) created at the target of
 * {@code X-Gateway-Target}, else {@code gateway.default-target}; one outcome per vendor in the answer.
 */
public final class CustomersEndpoint {

    private final Translator translator;
    private final CustomerDispatcher dispatcher;
    private final Codecs codecs;
    private final RequestBody requestBody;
    private final Target defaultTarget;

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
        if (format == BodyFormat.CSV) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "CSV is not accepted here yet: send one canonical customer as JSON or XML"));
        }
        Target target = target(message.getHeader("X-Gateway-Target", String.class));
        String correlationId = CorrelationIds.of(message);
        boolean includeRaw = "true".equalsIgnoreCase(message.getHeader("includeRaw", String.class));
        Object customer = translator.schema(SchemaName.CANONICAL).read(requestBody.bytes(message), format);

        DispatchResult result = dispatcher.dispatch(SchemaName.CANONICAL, customer, target, correlationId, includeRaw);
        HttpReply.write(message, result.httpStatus(), "application/json", codecs.json(), result);
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
