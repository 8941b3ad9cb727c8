package org.customergateway.syntch;

import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;
import org.customergateway.dispatch.AttemptsMade;
import org.customergateway.dispatch.DispatchProperties;
import org.customergateway.dispatch.Outcome;
import org.customergateway.dispatch.Outcomes;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorReplies;
import org.customergateway.dispatch.VendorReply;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translation;

/**
 * Syntch's answer to a create, read into an outcome: created, a 409 for a customer it already has, a
 * rejection with its ServiceStack errors named in the caller's schema, or a failure once retries are spent.
 */
public final class SyntchAnswers {

    private final Codecs codecs;
    private final FieldPaths fieldPaths;

    public SyntchAnswers(Codecs codecs, FieldPaths fieldPaths) {
        this.codecs = codecs;
        this.fieldPaths = fieldPaths;
    }

    public Outcome outcome(Exchange exchange) {
        VendorReply reply = VendorReplies.read(exchange.getMessage());
        AttemptsMade attempts = AttemptsMade.of(exchange);
        Translation translation = exchange.getProperty(DispatchProperties.TRANSLATION, Translation.class);
        List<String> warnings = translation.warnings();
        if (reply.isSuccess()) {
            CustomerDetail detail = read(reply, CustomerDetail.class);
            String key = detail == null || detail.customerKey() == null ? null : String.valueOf(detail.customerKey());
            return Outcomes.created(Vendor.SYNTCH, reply, key, attempts, warnings, detail);
        }
        if (reply.status() == 409) {
            return Outcomes.existing(Vendor.SYNTCH, reply, null, attempts, warnings, null);
        }
        return rejected(reply, attempts, translation);
    }

    private Outcome rejected(VendorReply reply, AttemptsMade attempts, Translation translation) {
        ResponseStatus.Envelope envelope = read(reply, ResponseStatus.Envelope.class);
        ResponseStatus status = envelope == null ? null : envelope.responseStatus();
        String message = status == null || status.message() == null ? reply.describe() : status.message();
        List<FieldMessage> violations = status == null || status.errors() == null ? List.of() : fieldPaths.translate(
                status.errors().stream().map(e -> new FieldMessage(e.fieldName(), e.message())).toList(),
                SchemaName.SYNTCH, SchemaName.fromId(translation.from()), translation.sourcePaths());
        return Outcomes.rejected(Vendor.SYNTCH, reply, attempts, translation.warnings(), message, violations);
    }

    private <T> T read(VendorReply reply, Class<T> type) {
        try {
            return reply.body().length == 0 ? null : codecs.lenient(BodyFormat.JSON).readValue(reply.body(), type);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
