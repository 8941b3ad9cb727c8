package org.customergateway.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.xml.deser.FromXmlParser;
import java.io.IOException;
import java.util.function.Function;

/**
 * Input is never silently changed (docs/http-api.md): what Jackson would otherwise accept and quietly alter is
 * refused where it is read, with the field's path in the message. A whole-number field takes a whole
 * number as written ({@code 4711.5}, {@code 840.0}, {@code -0} and {@code 0840} are refused, not
 * rounded or normalised); a text field takes no control character and no unpaired surrogate (a NUL, or
 * a CR LF that would forge a log line, never reaches a vendor).
 */
final class StrictScalars {

    private StrictScalars() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("strict-scalars");
        module.addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.currentToken().isScalarValue()) {
                    return (String) ctxt.handleUnexpectedToken(String.class, p);
                }
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw JsonMappingException.from(p, "expected text, found " + p.getText());
                }
                String text = p.getText();
                String problem = TextRules.problemIn(text);
                if (problem != null) {
                    throw JsonMappingException.from(p, problem);
                }
                return text;
            }
        });
        module.addDeserializer(Integer.class, wholeNumber(Integer.class, Integer::valueOf));
        module.addDeserializer(Long.class, wholeNumber(Long.class, Long::valueOf));
        return module;
    }

    private static <T> StdScalarDeserializer<T> wholeNumber(Class<T> type, Function<String, T> parse) {
        return new StdScalarDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken token = p.currentToken();
                // JSON has number tokens; XML gives every value as text
                boolean xml = p instanceof FromXmlParser;
                if (token != JsonToken.VALUE_NUMBER_INT && !(xml && token == JsonToken.VALUE_STRING)) {
                    throw JsonMappingException.from(p, "'" + p.getText() + "' is not a whole number");
                }
                String text = p.getText().trim();
                if (text.isEmpty() && token == JsonToken.VALUE_STRING) {
                    return null;
                }
                if (!TextRules.isWholeNumberAsWritten(text)) {
                    throw JsonMappingException.from(p, "'" + text + "' is not a whole number as written"
                            + " (no fraction, sign on zero or leading zero)");
                }
                try {
                    return parse.apply(text);
                } catch (NumberFormatException tooLarge) {
                    throw JsonMappingException.from(p, "'" + text + "' is out of range for a "
                            + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
                }
            }
        };
    }
}
