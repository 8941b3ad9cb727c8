package org.customergateway.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.customergateway.dispatch.Continuations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * platform-http on Vert.x, with the routes run asynchronously. Camel's own consumer runs each request
 * on a Vert.x worker thread and waits there, synchronously, until the exchange is done: a request whose
 * vendor is retrying holds its worker through every redelivery delay, and 20 such requests take the
 * whole pool (a schema request then waits seconds). Here a worker starts the route and is free again at
 * the route's first asynchronous step (the ledger's claim, a scheduled redelivery); after each wait the
 * route goes on on the request's event loop ({@link Continuations}), and the answer is written there
 * when the exchange completes. Bound as {@code platform-http-engine}, which platform-http looks up first.
 */
public final class AsyncHttpEngine extends VertxPlatformHttpEngine {

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new AsyncConsumer(endpoint, processor, getHandlers(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()));
    }

    private static final Logger LOG = LoggerFactory.getLogger(AsyncHttpEngine.class);

    private static final byte[] UNHANDLED = ("{\"type\":\"https://customer-gateway.dev/problems/internal-error\","
            + "\"title\":\"Internal error\",\"status\":500,"
            + "\"detail\":\"the gateway could not handle this request; the error is in its log\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final class AsyncConsumer extends VertxPlatformHttpConsumer {

        private final HeaderFilterStrategy answerHeaders;

        AsyncConsumer(PlatformHttpEndpoint endpoint, Processor processor, List<Handler<RoutingContext>> handlers,
                      String routerName) {
            super(endpoint, processor, handlers, routerName);
            this.answerHeaders = new AnswerHeaders(endpoint.getHeaderFilterStrategy());
        }

        /**
         * An exception that no route handled (every HTTP route has an error handler: this is the net under
         * it) is logged and answered as a bare 500 problem: Camel would answer it with the stack trace as
         * text, and with whatever headers the message held.
         */
        private static void unhandled(Exchange exchange) {
            LOG.error("Request failed and no route answered it", exchange.getException());
            exchange.setException(null);
            Message answer = exchange.getMessage();
            answer.removeHeaders("*");
            answer.setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
            answer.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
            answer.setBody(UNHANDLED);
        }

        @Override
        protected void handleRequest(RoutingContext ctx) {
            if (isSuspended()) {
                ctx.response().setStatusCode(503).end();
                return;
            }
            Vertx vertx = ctx.vertx();
            Context requestContext = vertx.getOrCreateContext();
            Exchange exchange = createExchange(false);
            // InOnly, though the caller waits for an answer: the answer is what the message holds when the
            // exchange completes (respond), never a separate out message. With InOut, Camel gave every bean
            // step that returns a value a new out message with a copy of the request's headers, and copied
            // it back into the next step's in message (1.5 % of a create's CPU, BENCHMARKS.md session 13)
            exchange.setPattern(ExchangePattern.InOnly);
            processHttpRequest(exchange, ctx).onComplete(read -> {
                if (read.failed()) {
                    fail(exchange, ctx, read.cause());
                    return;
                }
                // a worker runs the route up to its first asynchronous step (the beans may block briefly:
                // the ledger's group commit), then is free; the answer goes out when the exchange completes
                // after each wait (the ledger's commit, the vendor's answer) the route goes on on this event loop
                Continuations.cameOn(exchange, requestContext);
                vertx.executeBlocking(() -> {
                    createUoW(exchange);
                    getAsyncProcessor().process(exchange, doneSync -> requestContext.runOnContext(v -> respond(exchange, ctx)));
                    return null;
                }, false).onFailure(error -> fail(exchange, ctx, error));
            });
        }

        private void respond(Exchange exchange, RoutingContext ctx) {
            if (exchange.getException() != null) {
                unhandled(exchange);
            }
            Future<Void> writing;
            try {
                writing = HttpAnswer.write(ctx.response(), exchange, answerHeaders);
            } catch (RuntimeException e) {
                fail(exchange, ctx, e);
                return;
            }
            writing.onComplete(written -> {
                        if (written.failed()) {
                            fail(exchange, ctx, written.cause());
                        } else {
                            complete(exchange);
                        }
                    });
        }

        private void fail(Exchange exchange, RoutingContext ctx, Throwable error) {
            getExceptionHandler().handleException("Failed handling platform-http endpoint " + getEndpoint().getPath(), error);
            if (!ctx.response().ended()) {
                ctx.fail(error);
            }
            complete(exchange);
        }

        private void complete(Exchange exchange) {
            if (exchange.getUnitOfWork() != null) {
                doneUoW(exchange);
            }
            releaseExchange(exchange, false);
        }
    }
}
