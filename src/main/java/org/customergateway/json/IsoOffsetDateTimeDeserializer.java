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
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an {@link OffsetDateTime} written the way customers carry theirs, {@code 2024-03-01T09:30:00.000Z}
 * ({@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, {@code Z} or {@code +hh:mm}), by
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
            OffsetDateTime read = parse(p.getText());
            if (read != null) {
                return read;
            }
        }
        return standard.deserialize(p, ctxt);
    }

    /** The date-time, or null when {@code text} is not in the one form read here or names no real moment. */
    static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int count = at - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = left == 6 ? text.charAt(at) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits at {@code from} as a number, or -1 when one of them is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
