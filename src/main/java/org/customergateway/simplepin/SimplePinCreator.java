package org.customergateway.simplepin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.FieldMessage;
import org.customergateway.mapping.FieldPaths;
import org.customergateway.mapping.SchemaName;
import org.customergateway.translation.Translation;

/**
 * SimplePin's create, as its document asks: getCustomer first, add only when it is not there. Every
 * attempt starts with getCustomer, so an add that landed although its answer was lost (a timeout) is
 * found on the next attempt instead of being sent twice.
 */
public final class SimplePinCreator implements VendorCreator {

    private final VendorCall call;
    private final RetryPolicy retryPolicy;
    private final Codecs codecs;
    private final FieldPaths fieldPaths;
    private final SimplePinSettings settings;

    public SimplePinCreator(VendorCall call, RetryPolicy retryPolicy, Codecs codecs, FieldPaths fieldPaths,
                            SimplePinSettings settings) {
        this.call = call;
        this.retryPolicy = retryPolicy;
        this.codecs = codecs;
        this.fieldPaths = fieldPaths;
        this.settings = settings;
    }

    @Override
    public Vendor vendor() {
        return Vendor.SIMPLEPIN;
    }

    @Override
    public Outcome create(Translation translation, String correlationId) {
        CCProfileApiV2Model profile = (CCProfileApiV2Model) translation.body();
        String locale = translation.canonical().locale() != null ? translation.canonical().locale() : settings.locale();
        String localeQuery = locale == null || locale.isBlank() ? "" : "locale=" + encode(locale);
        Map<String, String> headers = Map.of("X-Api-Key", settings.apiKey() == null ? "" : settings.apiKey(),
                "X-Correlation-Id", correlationId);
        String media = settings.format().mediaType();
        VendorRequest get = new VendorRequest("GET", "/v2/customer/get",
                join("customer_id=" + encode(profile.customerId()), localeQuery), null, media, headers, new byte[0]);
        VendorRequest add = new VendorRequest("POST", "/v2/customer/add", localeQuery.isEmpty() ? null : localeQuery,
                media, media, headers, write(profile));

        Attempts attempts = new Attempts(retryPolicy);
        boolean[] lastWasAdd = {false};
        VendorReply reply = attempts.run(() -> {
            VendorReply found = call.send(get);
            lastWasAdd[0] = found.status() == 404;
            return lastWasAdd[0] ? call.send(add) : found;
        });
        return outcome(reply, lastWasAdd[0], attempts, translation);
    }

    private Outcome outcome(VendorReply reply, boolean fromAdd, Attempts attempts, Translation translation) {
        List<String> warnings = translation.warnings();
        if (reply.isSuccess()) {
            CCProfileV2Model stored = read(reply, CCProfileV2Model.class);
            String id = stored == null || stored.id() == null ? null : String.valueOf(stored.id());
            // an add that succeeded created it; a getCustomer that found it means it was there already
            return fromAdd
                    ? Outcomes.created(Vendor.SIMPLEPIN, reply, id, attempts, warnings, stored)
                    : Outcomes.existing(Vendor.SIMPLEPIN, reply, id, attempts, warnings, stored);
        }
        if (reply.status() == 409) {
            return Outcomes.existing(Vendor.SIMPLEPIN, reply, null, attempts, warnings, null);
        }
        if (reply.failure() == VendorReply.Failure.NONE && reply.status() >= 400 && reply.status() < 500
                && !reply.isRetryable()) {
            SimplePinError error = read(reply, SimplePinError.class);
            String message = error == null || error.message() == null ? reply.describe() : error.message();
            List<FieldMessage> violations = error == null || error.errors() == null ? List.of() : fieldPaths.translate(
                    error.errors().stream().map(e -> new FieldMessage(e.field(), e.message())).toList(),
                    SchemaName.SIMPLEPIN, SchemaName.fromId(translation.from()), translation.sourcePaths());
            return Outcomes.rejected(Vendor.SIMPLEPIN, reply, attempts, warnings, message, violations);
        }
        return Outcomes.failed(Vendor.SIMPLEPIN, reply, attempts, warnings);
    }

    private byte[] write(CCProfileApiV2Model profile) {
        try {
            return codecs.writer(settings.format()).writeValueAsBytes(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CCProfileApiV2Model", e);
        }
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

    private static String join(String first, String second) {
        return second.isEmpty() ? first : first + "&" + second;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
