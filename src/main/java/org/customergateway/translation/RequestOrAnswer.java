package org.customergateway.translation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import org.customergateway.json.Codecs;
import java.util.Set;

/**
 * Reads a vendor document that may be a create request or the vendor's answer. The request is tried
 * first (the common case costs one parse); a property only the answer has sends it to the answer type.
 */
public final class RequestOrAnswer {

    private RequestOrAnswer() {
    }

    public static Object read(ObjectMapper mapper, byte[] body, Class<?> requestType, Class<?> answerType,
                       Set<String> answerOnlyProperties) throws IOException {
        try {
            return Codecs.present(mapper.readValue(body, requestType));
        } catch (UnrecognizedPropertyException e) {
            if (!answerOnlyProperties.contains(e.getPropertyName())) {
                throw e;
            }
            return Codecs.present(mapper.readValue(body, answerType));
        }
    }
}
