package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.channel.EventLoop;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.customergateway.StartRefused;
import org.customergateway.json.Codecs;

/**
 * The gateway's HTTP server ({@code camel.server.*}): Camel's Vert.x platform-http server with two
 * things Camel's own does not do (docs/http-api.md).
 * <ul>
 *   <li>It answers nothing but a 503 problem with {@code Retry-After} until every route has started
 *   (Camel's server listens before the routes are added, so a caller met 404 HTML for a second or two),
 *   and again once the gateway is stopping.</li>
 *   <li>A port that could not be bound stops the gateway: Camel's server only logs a warning when its
 *   listen fails, and the process stayed up without its API while readiness said UP.</li>
 * </ul>
 * camel-main takes this factory from the registry in place of its own ({@link #bindTo}).
 */
public final class GatewayHttpServer extends VertxPlatformHttpServer {

    /** One more server on each event loop, beside Camel's own (on one of them). */
    private final List<HttpServer> moreServers = new ArrayList<>();

    private GatewayHttpServer(VertxPlatformHttpServerConfiguration configuration) {
        super(configuration);
    }

    /** The factory camel-main asks for its HTTP server; the management server stays Camel's own. */
    public static final class Factory extends DefaultMainHttpServerFactory {
        @Override
        public Service newHttpServer(CamelContext camelContext, HttpServerConfigurationProperties properties) {
            VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
            configuration.setServerType(VertxPlatformHttpRouter.SERVER_TYPE_SERVER);
            configuration.setBindHost(properties.getHost());
            configuration.setBindPort(properties.getPort());
            configuration.setPath(properties.getPath());
            if (properties.getMaxBodySize() != null) {
                configuration.setMaxBodySize(properties.getMaxBodySize());
            }
            configuration.setUseGlobalSslContextParameters(properties.isUseGlobalSslContextParameters());
            configuration.getBodyHandler().setHandleFileUploads(false);
            return new GatewayHttpServer(configuration);
        }
    }

    @Override
    protected void startServer() throws Exception {
        // the router exists now and the port is not yet bound: the gate goes in first
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(getCamelContext(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getConfigurationPort()));
        router.route().order(Integer.MIN_VALUE).handler(this::gate);
        super.startServer();
        if (!listening()) {
            throw new StartRefused("the HTTP port " + getHost() + ":" + getConfigurationPort()
                    + " (camel.server.port) could not be bound; see the warning above");
        }
        listenOnEveryEventLoop();
    }

    /**
     * Camel's server is one Vert.x HttpServer, whose connections are all served by the one event loop it
     * listened on: every HTTP customer's steps ran on one core, whatever the machine had (a warm profile:
     * one loop thread 60 % of the gateway's CPU, the other idle; BENCHMARKS.md, session 18). So one more
     * server listens on each event loop, on the same port and router: Vert.x hands each new connection
     * to the next event loop in turn (and, on Camel's loop, to its two servers in turn). Not with TLS,
     * which Camel sets on its own server only.
     */
    private void listenOnEveryEventLoop() throws Exception {
        VertxInternal vertx = (VertxInternal) getVertx();
        List<EventLoop> eventLoops = new ArrayList<>();
        vertx.getEventLoopGroup().forEach(executor -> eventLoops.add((EventLoop) executor));
        if (isUseGlobalSslContextParameters() || eventLoops.size() < 2) {
            return;
        }
        for (EventLoop eventLoop : eventLoops) {
            HttpServer another = vertx.createHttpServer(new HttpServerOptions()).requestHandler(getServer().requestHandler());
            moreServers.add(another);
            // a server listens on the event loop of the context it listens from
            ContextInternal onThisLoop = vertx.createEventLoopContext(eventLoop, null, getClass().getClassLoader());
            Promise<HttpServer> listened = onThisLoop.promise();
            onThisLoop.runOnContext(ignored -> another.listen(getServer().actualPort(), getHost()).onComplete(listened));
            listened.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    protected void stopServer() {
        for (HttpServer another : moreServers) {
            try {
                another.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Camel's own server closes next, and Vert.x with it
            }
        }
        moreServers.clear();
        super.stopServer();
    }

    /**
     * Camel's server logs a failed listen and goes on, and Vert.x's HttpServer has no public "is
     * listening". Asking it to listen once more tells: Vert.x refuses a server that listens already
     * (IllegalStateException), and a server whose listen failed tries the port again, failing again
     * while someone else holds it (or listening now, if the port was freed meanwhile).
     */
    private boolean listening() throws InterruptedException {
        if (getServer() == null) {
            return false;
        }
        try {
            getServer().listen(getConfigurationPort(), getHost()).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            return true;
        } catch (IllegalStateException alreadyListening) {
            return true;
        } catch (ExecutionException failed) {
            return failed.getCause() instanceof IllegalStateException;
        } catch (TimeoutException noAnswer) {
            return false;
        }
    }

    private void gate(RoutingContext ctx) {
        CamelContext camel = getCamelContext();
        if (camel.isStarted() && !camel.isStopping()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(503)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", "1")
                .end(io.vertx.core.buffer.Buffer.buffer(Starting.PROBLEM));
    }

    /** Written on the first request that meets the gate, not at every start (Jackson's first use costs). */
    private static final class Starting {
        static final byte[] PROBLEM = startingProblem();
    }

    private static byte[] startingProblem() {
        try {
            return new Codecs().json().writeValueAsBytes(Problem.of(503, "starting", "Starting",
                    "the gateway is starting or stopping; try again in a second"));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
