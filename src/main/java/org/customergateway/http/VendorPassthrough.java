package org.customergateway.http;

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
 * key), and the vendor's answer returned as it gave it. Only the method, the path below the prefix, the
 * query, {@code Content-Type}, {@code Accept}, the body and the correlation id go on; no other header of
 * the caller's does. Off unless {@code gateway.facade.passthrough} is true: then such a path is a 404.
 */
public final class VendorPassthrough {

    /** One vendor: the prefix it is reached under and the credentials the gateway signs in with. */
    public record Vendor(String prefix, Map<String, String> credentials) {
    }

    private final boolean enabled;
    private final Map<String, Vendor> vendors;

    public VendorPassthrough(boolean enabled, Map<String, Vendor> vendors) {
        this.enabled = enabled;
        this.vendors = vendors;
    }

    /**
     * The caller's request made the vendor's (routes/vendor-passthrough-http then sends it through
     * {@code direct:<vendor>-call}); a 404 problem while the passthrough is off.
     */
    public void request(Message message, String vendorId) {
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        if (!enabled) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found", "no endpoint at " + path
                    + "; the gateway forwards other vendor paths only when gateway.facade.passthrough is true"));
        }
        Vendor vendor = vendors.get(vendorId);
        String below = path.startsWith(vendor.prefix()) ? path.substring(vendor.prefix().length()) : path;
        Map<String, String> headers = new HashMap<>(vendor.credentials());
        headers.put(CorrelationIds.HEADER, CorrelationIds.of(message));
        String method = message instanceof HttpMessage http && http.getRequest() != null
                ? http.getRequest().method().name() : message.getHeader(Exchange.HTTP_METHOD, String.class);
        byte[] body = message.getBody(byte[].class);
        new VendorRequest(method, below.isEmpty() ? "/" : below, message.getHeader(Exchange.HTTP_RAW_QUERY, String.class),
                message.getHeader(Exchange.CONTENT_TYPE, String.class), message.getHeader("Accept", String.class), headers,
                body == null ? new byte[0] : body).writeTo(message);
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

    /** The vendor could not be reached (or its circuit is open): a 502 problem saying so. */
    public void unreachable(Exchange exchange, String vendorId) {
        VendorReply reply = VendorReplies.forFailure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        throw new ProblemException(Problem.of(502, "vendor-unavailable", "Vendor unavailable",
                vendorId + " could not be reached: " + reply.describe()));
    }
}
