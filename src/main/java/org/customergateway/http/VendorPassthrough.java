package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.customergateway.dispatch.VendorReplies;
import org.customergateway.dispatch.VendorReply;
import org.customergateway.dispatch.VendorRequest;

/**
 * The facades' passthrough: any path under {@code /simplepin/} or {@code /syntch/} that the gateway does
 * not translate itself is forwarded to the configured vendor, through that vendor's circuit breaker,
 * with the gateway's own credentials in place of the caller's (who signed in at the gateway with its API
 * key), and the vendor's answer returned as it gave it. Only the method, the path below the prefix and
 * the query (both exactly as the caller encoded them), {@code Content-Type}, {@code Accept}, the body
 * and the correlation id go on; no other header of the caller's does, and no header of the gateway's
 * comes back. Off unless {@code gateway.facade.passthrough} is true: then such a path is a 404.
 * <p>
 * What the gateway itself answers here (a path it will not forward, a vendor it cannot reach) is in
 * that vendor's error format, since the client speaks that vendor's API.
 */
public final class VendorPassthrough {

    /** One vendor: the prefix it is reached under, the credentials the gateway signs in with, its error format. */
    public record Vendor(String prefix, Map<String, String> credentials, FacadeErrors errors) {
    }

    private final boolean enabled;
    private final Map<String, Vendor> vendors;

    public VendorPassthrough(boolean enabled, Map<String, Vendor> vendors) {
        this.enabled = enabled;
        this.vendors = vendors;
    }

    /** A 404 problem while the passthrough is off. */
    public void ensureOn(Message message) {
        if (!enabled) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found", "no endpoint at "
                    + message.getHeader(Exchange.HTTP_PATH, String.class)
                    + "; the gateway forwards other vendor paths only when gateway.facade.passthrough is true"));
        }
    }

    /**
     * The caller's request made the vendor's (routes/vendor-passthrough-http then sends it through
     * {@code direct:<vendor>-call}).
     *
     * @throws PathRefusedException for a path that decodes to a control character (a line break in it
     *                              would split the request line at whatever reads it next)
     */
    public void request(Message message, String vendorId) {
        Vendor vendor = vendors.get(vendorId);
        HttpServerRequest request = ((HttpMessage) message).getRequest();
        // the raw path and query, as the caller encoded them: decoding and encoding again would change them
        String path = request.path();
        String below = path.startsWith(vendor.prefix()) ? path.substring(vendor.prefix().length()) : path;
        if (!decodesToText(below)) {
            throw new PathRefusedException("the path below " + vendor.prefix()
                    + " holds a control character or an invalid escape; the gateway forwards no such path");
        }
        Map<String, String> headers = new HashMap<>(vendor.credentials());
        headers.put(CorrelationIds.HEADER, CorrelationIds.of(message));
        byte[] body = message.getBody(byte[].class);
        new VendorRequest(request.method().name(), below.isEmpty() ? "/" : below, request.query(),
                message.getHeader(Exchange.CONTENT_TYPE, String.class), message.getHeader("Accept", String.class), headers,
                body == null ? new byte[0] : body).writeTo(message);
    }

    private static boolean decodesToText(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return false;
        }
        return decoded.chars().noneMatch(Character::isISOControl);
    }

    /** The vendor's answer, as it gave it: status, content type, Retry-After and body, no other header. */
    public void relay(Message message) {
        VendorReply reply = VendorReplies.read(message);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        if (reply.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        }
        if (reply.retryAfter() != null) {
            message.setHeader("Retry-After", reply.retryAfter());
        }
        message.setBody(reply.body());
    }

    /** A path the gateway will not forward: a 400 in the vendor's error format, nothing sent. */
    public void refused(Exchange exchange, String vendorId) throws JsonProcessingException {
        Throwable refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        vendors.get(vendorId).errors().answer(exchange.getMessage(), 400, "BadRequest", refusal.getMessage());
    }

    /** A request path that the passthrough does not forward. */
    public static final class PathRefusedException extends RuntimeException {
        public PathRefusedException(String message) {
            super(message, null, false, false);
        }
    }

    /** The vendor could not be reached (or its circuit is open): a 502 in the vendor's error format. */
    public void unreachable(Exchange exchange, String vendorId) throws JsonProcessingException {
        VendorReply reply = VendorReplies.forFailure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        vendors.get(vendorId).errors().answer(exchange.getMessage(), 502, "VendorUnavailable",
                vendorId + " could not be reached: " + reply.describe());
    }
}
