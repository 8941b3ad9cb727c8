package org.customergateway.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * Reads an {@link OffsetDateTime} written the way customers carry theirs ({@link IsoDateTimes#usual}) by
 * hand; anything else (another form, a value out of range, a {@code @JsonFormat}, dates adjusted to the
 * context's zone) goes to Jackson's own deserializer, which decides and words the error as before.
 * java.time's formatter took 1.3 % of an HTTP create's CPU for the one date of a canonical customer
 * (BENCHMARKS.md, session 13). IsoOffsetDateTimeDeserializerTest holds the two to the same answers.
 */
final class IsoOffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> implements ContextualDeserializer {

    private final JsonDeserializer<OffsetDateTime> standard;
    private final boolean byHand;

    IsoOffsetDateTimeDeserializer() {
        this(InstantDeserializer.OFFSET_DATE_TIME, true);
    }

    private IsoOffsetDateTimeDeserializer(JsonDeserializer<OffsetDateTime> standard, boolean byHand) {
        super(OffsetDateTime.class);
        this.standard = standard;
        this.byHand = byHand;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
        JsonDeserializer<?> contextual = ((ContextualDeserializer) InstantDeserializer.OFFSET_DATE_TIME).createContextual(ctxt, property);
        // Jackson's own, unchanged by the property (no @JsonFormat), is the only one this stands in for
        return new IsoOffsetDateTimeDeserializer((JsonDeserializer<OffsetDateTime>) contextual,
                contextual == InstantDeserializer.OFFSET_DATE_TIME);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (byHand && p.currentToken() == JsonToken.VALUE_STRING
                && !ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
            OffsetDateTime read = IsoDateTimes.usual(p.getText());
            if (read != null) {
                return read;
            }
        }
        return standard.deserialize(p, ctxt);
    }
}
