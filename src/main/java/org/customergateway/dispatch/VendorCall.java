package org.customergateway.dispatch;

import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.vertx.http.VertxHttpBinding;
import org.apache.camel.component.vertx.http.VertxHttpEndpoint;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * One non-blocking HTTP call to a vendor (routes/&lt;vendor&gt;-call): the request goes out on Vert.x's
 * client of a camel-vertx-http endpoint, built and read by that endpoint's binding, exactly as
 * {@code to: vertx-http:...} would; only the answer is taken up elsewhere. camel-vertx-http's own
 * producer hands every answer to an <em>ordered</em> {@code executeBlocking}, which Vert.x 4.5 runs one
 * at a time per event loop, so whatever follows an answer there (the ledger's writes, which wait for a
 * group commit) would hold up every answer behind it, or need a second hand-off to other threads. Here
 * the answer is read where the customer's flow goes on ({@link Continuations}): right there on the event
 * loop for an HTTP caller's customer (no hand-off at all), on a dispatch thread for the file drop's and the
 * queue's (one hand-off, none ordered).
 * A failed call (timeout, refused connection) fails the exchange with Vert.x's exception, as vertx-http does.
 */
public final class VendorCall extends AsyncProcessorSupport implements AsyncProcessor {

    private final VertxHttpEndpoint endpoint;
    private final VertxHttpBinding binding;
    private final Continuations continuations;

    /** @param endpoint a started vertx-http endpoint of the vendor's base URL, with its options (timeout, client, binding) */
    public VendorCall(VertxHttpEndpoint endpoint, Continuations continuations) {
        this.endpoint = endpoint;
        this.binding = endpoint.getConfiguration().getVertxHttpBinding();
        this.continuations = continuations;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            HttpRequest<Buffer> request = binding.prepareHttpRequest(endpoint, exchange);
            Message message = exchange.getMessage();
            Object body = message.getBody();
            if (body == null) {
                request.send(answer -> handOver(answer, exchange, callback));
            } else {
                Buffer buffer = body instanceof byte[] bytes ? Buffer.buffer(bytes) : message.getMandatoryBody(Buffer.class);
                request.sendBuffer(buffer, answer -> handOver(answer, exchange, callback));
            }
            return false;
        } catch (Exception unsent) {
            exchange.setException(unsent);
            callback.done(true);
            return true;
        }
    }

    /** On the event loop: the answer is read, and the flow goes on, where the customer's flow goes on. */
    private void handOver(AsyncResult<HttpResponse<Buffer>> answer, Exchange exchange, AsyncCallback callback) {
        continuations.of(exchange).execute(() -> takeUp(answer, exchange, callback));
    }

    private void takeUp(AsyncResult<HttpResponse<Buffer>> answer, Exchange exchange, AsyncCallback callback) {
        try {
            binding.handleResponse(endpoint, exchange, answer);
        } catch (Exception unreadable) {
            exchange.setException(unreadable);
        }
        callback.done(false);
    }

    @Override
    public String toString() {
        return "VendorCall[" + endpoint.getEndpointBaseUri() + "]";
    }
}
