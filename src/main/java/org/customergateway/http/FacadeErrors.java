package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Message;

/**
 * How a vendor facade tells its client that the gateway refused a request, or could not reach the
 * vendor, in that vendor's own error format, so a client that only changed its base URL still reads it.
 */
@FunctionalInterface
public interface FacadeErrors {

    /** The message becomes the answer: status, the vendor's error document, nothing of the request. */
    void answer(Message message, int status, String code, String text) throws JsonProcessingException;
}
