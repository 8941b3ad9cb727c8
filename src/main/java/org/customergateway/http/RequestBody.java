package org.customergateway.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customergateway.json.BodyFormat;

/** The request body as bytes, refused when over {@code gateway.http.max-body-bytes} or empty. */
public final class RequestBody {

    private final long maxBytes;

    public RequestBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public byte[] bytes(Message message) {
        byte[] body = message.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("the request has no body");
        }
        if (body.length > maxBytes) {
            throw new ProblemException(Problem.of(413, "body-too-large", "Body too large",
                    "the body has " + body.length + " bytes; the limit is " + maxBytes));
        }
        return body;
    }

    public static BodyFormat format(Message message) {
        try {
            return BodyFormat.fromContentType(message.getHeader(Exchange.CONTENT_TYPE, String.class));
        } catch (BodyFormat.UnsupportedFormatException e) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", e.getMessage()));
        }
    }
}
