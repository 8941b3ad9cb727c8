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

    /** For a body that is JSON only: a 415 problem saying {@code why} (what the body is) for any other format. */
    public static void requireJson(Message message, String why) {
        if (format(message) != BodyFormat.JSON) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", why));
        }
    }

    public static BodyFormat format(Message message) {
        try {
            return BodyFormat.fromContentType(message.getHeader(Exchange.CONTENT_TYPE, String.class));
        } catch (BodyFormat.UnsupportedFormatException e) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", e.getMessage()));
        }
    }
}
