package org.customergateway.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumerAware;
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
 * <p>
 * The routes named at construction start on the event loop itself, without the worker: those whose steps
 * before their first wait only compute (the creates: the key's check, reading and mapping the body,
 * then the ledger's claim), which saves a thread hand-off per request. Any other route may block before
 * its first wait (a look-up reads the ledger), and an event loop must never block.
 */
public final class AsyncHttpEngine extends VertxPlatformHttpEngine {

    private final Set<String> onTheEventLoop;

    /** @param onTheEventLoop the ids of the routes that start on the request's event loop (their steps before the first wait compute only) */
    public AsyncHttpEngine(Set<String> onTheEventLoop) {
        this.onTheEventLoop = Set.copyOf(onTheEventLoop);
    }

    /** Whether this route's consumer starts the route on the request's event loop (else on a Vert.x worker). */
    public static boolean startsOnTheEventLoop(Route route) {
        return ours(route) instanceof AsyncConsumer consumer && consumer.startsOnTheEventLoop;
    }

    /** The engine's consumer of a platform-http route: platform-http's own consumer hands each request to it. */
    private static PlatformHttpConsumer ours(Route route) {
        return route.getConsumer() instanceof PlatformHttpConsumerAware platformHttp ? platformHttp.getPlatformHttpConsumer() : null;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new AsyncConsumer(endpoint, processor, getHandlers(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()), onTheEventLoop);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AsyncHttpEngine.class);

    private static final byte[] UNHANDLED = ("{\"type\":\"https://customer-gateway.dev/problems/internal-error\","
            + "\"title\":\"Internal error\",\"status\":500,"
            + "\"detail\":\"the gateway could not handle this request; the error is in its log\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final class AsyncConsumer extends VertxPlatformHttpConsumer {

        private final HeaderFilterStrategy answerHeaders;
        private final Set<String> onTheEventLoop;
        /** Whether this consumer's route is one of onTheEventLoop: known once the route starts it. */
        private volatile boolean startsOnTheEventLoop;

        AsyncConsumer(PlatformHttpEndpoint endpoint, Processor processor, List<Handler<RoutingContext>> handlers,
                      String routerName, Set<String> onTheEventLoop) {
            super(endpoint, processor, handlers, routerName);
            this.answerHeaders = new AnswerHeaders(endpoint.getHeaderFilterStrategy());
            this.onTheEventLoop = onTheEventLoop;
        }

        @Override
        protected void doStart() throws Exception {
            // the consumer is not told its route's id (getRouteId() is null on platform-http's): its route knows it
            startsOnTheEventLoop = getEndpoint().getCamelContext().getRoutes().stream()
                    .anyMatch(route -> ours(route) == this && onTheEventLoop.contains(route.getRouteId()));
            super.doStart();
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
                // after each wait (the ledger's commit, the vendor's answer) the route goes on on this event loop
                Continuations.onEventLoop(exchange, requestContext);
                if (startsOnTheEventLoop) {
                    try {
                        run(exchange, ctx, requestContext);
                    } catch (Exception error) {
                        fail(exchange, ctx, error);
                    }
                    return;
                }
                // a worker runs the route up to its first wait (its steps may block: a look-up's read), then is free
                vertx.executeBlocking(() -> {
                    run(exchange, ctx, requestContext);
                    return null;
                }, false).onFailure(error -> fail(exchange, ctx, error));
            });
        }

        /** Runs the route up to its first wait; the answer goes out on the request's event loop once the exchange completes. */
        private void run(Exchange exchange, RoutingContext ctx, Context requestContext) throws Exception {
            createUoW(exchange);
            getAsyncProcessor().process(exchange, doneSync -> requestContext.runOnContext(v -> respond(exchange, ctx)));
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
