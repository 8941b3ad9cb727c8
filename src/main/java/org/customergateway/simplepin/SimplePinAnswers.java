package org.customergateway.simplepin;

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
 * SimplePin's answer to a create, read into an outcome: an add that succeeded created the customer; a
 * getCustomer that found it means it was there already (or that an earlier attempt's add landed unseen).
 */
public final class SimplePinAnswers {

    private final Codecs codecs;
    private final FieldPaths fieldPaths;

    public SimplePinAnswers(Codecs codecs, FieldPaths fieldPaths) {
        this.codecs = codecs;
        this.fieldPaths = fieldPaths;
    }

    public Outcome outcome(Exchange exchange) {
        VendorReply reply = VendorReplies.read(exchange.getMessage());
        AttemptsMade attempts = AttemptsMade.of(exchange);
        Translation translation = exchange.getProperty(DispatchProperties.TRANSLATION, Translation.class);
        List<String> warnings = translation.warnings();
        if (reply.isSuccess()) {
            CCProfileV2Model stored = read(reply, CCProfileV2Model.class);
            String id = stored == null || stored.id() == null ? null : String.valueOf(stored.id());
            return exchange.getProperty(DispatchProperties.FROM_ADD, false, Boolean.class)
                    ? Outcomes.created(Vendor.SIMPLEPIN, reply, id, attempts, warnings, stored)
                    : Outcomes.existing(Vendor.SIMPLEPIN, reply, id, attempts, warnings, stored);
        }
        if (reply.status() == 409) {
            return Outcomes.existing(Vendor.SIMPLEPIN, reply, null, attempts, warnings, null);
        }
        SimplePinError error = read(reply, SimplePinError.class);
        String message = error == null || error.message() == null ? reply.describe() : error.message();
        List<FieldMessage> violations = error == null || error.errors() == null ? List.of() : fieldPaths.translate(
                error.errors().stream().map(e -> new FieldMessage(e.field(), e.message())).toList(),
                SchemaName.SIMPLEPIN, SchemaName.fromId(translation.from()), translation.sourcePaths());
        return Outcomes.rejected(Vendor.SIMPLEPIN, reply, attempts, warnings, message, violations);
    }

    private <T> T read(VendorReply reply, Class<T> type) {
        if (reply.body().length == 0) {
            return null;
        }
        BodyFormat format = reply.contentType() != null && reply.contentType().contains("xml") ? BodyFormat.XML : BodyFormat.JSON;
        try {
            return codecs.lenient(format).readValue(reply.body(), type);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
