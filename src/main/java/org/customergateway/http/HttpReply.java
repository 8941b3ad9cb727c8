package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes an HTTP answer onto a Camel message: status, Content-Type and a serialised body. */
public final class HttpReply {

    private HttpReply() {
    }

    public static void write(Message message, int status, String contentType, ObjectMapper mapper, Object body)
            throws JsonProcessingException {
        // Nothing of the request goes back: platform-http would copy every header left on the message
        // (an X-Api-Key among them) into the answer.
        message.removeHeaders("*");
        message.setBody(mapper.writeValueAsBytes(body));
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
    }
}
