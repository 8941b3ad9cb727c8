package org.customergateway.syntch;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.customergateway.dispatch.Attempts;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.Outcomes;
import org.customergateway.dispatch.RetryPolicy;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorCall;
import org.customergateway.dispatch.VendorCreator;
import org.customergateway.dispatch.VendorReply;
import org.customergateway.dispatch.VendorRequest;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translation;

/**
 * Syntch's create: {@code POST /customers}, retried per policy. A 409 is a customer Syntch already
 * has; its ServiceStack errors come back with their FieldNames in the caller's schema.
 */
public final class SyntchCreator implements VendorCreator {

    private static final String JSON = "application/json";

    private final VendorCall call;
    private final RetryPolicy retryPolicy;
    private final Codecs codecs;
    private final FieldPaths fieldPaths;
    private final SyntchCredentials credentials;

    public SyntchCreator(VendorCall call, RetryPolicy retryPolicy, Codecs codecs, FieldPaths fieldPaths,
                         SyntchCredentials credentials) {
        this.call = call;
        this.retryPolicy = retryPolicy;
        this.codecs = codecs;
        this.fieldPaths = fieldPaths;
        this.credentials = credentials;
    }

    @Override
    public Vendor vendor() {
        return Vendor.SYNTCH;
    }

    @Override
    public Outcome create(Translation translation, String correlationId) {
        VendorRequest post = new VendorRequest("POST", "/customers", null, JSON, JSON,
                Map.of("Authorization", credentials.authorization(), "X-Correlation-Id", correlationId),
                json(translation.body()));
        Attempts attempts = new Attempts(retryPolicy);
        VendorReply reply = attempts.run(() -> call.send(post));
        List<String> warnings = translation.warnings();
        if (reply.isSuccess()) {
            CustomerDetail detail = read(reply, CustomerDetail.class);
            String key = detail == null || detail.customerKey() == null ? null : String.valueOf(detail.customerKey());
            return Outcomes.created(Vendor.SYNTCH, reply, key, attempts, warnings, detail);
        }
        if (reply.status() == 409) {
            return Outcomes.existing(Vendor.SYNTCH, reply, null, attempts, warnings, null);
        }
        if (reply.failure() == VendorReply.Failure.NONE && reply.status() >= 400 && reply.status() < 500
                && !reply.isRetryable()) {
            return rejected(reply, attempts, translation);
        }
        return Outcomes.failed(Vendor.SYNTCH, reply, attempts, warnings);
    }

    private Outcome rejected(VendorReply reply, Attempts attempts, Translation translation) {
        ResponseStatus.Envelope envelope = read(reply, ResponseStatus.Envelope.class);
        ResponseStatus status = envelope == null ? null : envelope.responseStatus();
        String message = status == null || status.message() == null ? reply.describe() : status.message();
        List<FieldMessage> violations = status == null || status.errors() == null ? List.of() : fieldPaths.translate(
                status.errors().stream().map(e -> new FieldMessage(e.fieldName(), e.message())).toList(),
                SchemaName.SYNTCH, SchemaName.fromId(translation.from()), translation.sourcePaths());
        return Outcomes.rejected(Vendor.SYNTCH, reply, attempts, translation.warnings(), message, violations);
    }

    private byte[] json(Object body) {
        try {
            return codecs.json().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a PostCustomer", e);
        }
    }

    private <T> T read(VendorReply reply, Class<T> type) {
        try {
            return reply.body().length == 0 ? null : codecs.lenient(org.customergateway.json.BodyFormat.JSON)
                    .readValue(reply.body(), type);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
