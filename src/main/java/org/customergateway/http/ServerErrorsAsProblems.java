package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.customergateway.json.Codecs;

/**
 * Answers the HTTP server's own refusals (no such path, wrong method, a body over the server's hard
 * limit) as problem documents too, so a client reads one error format whatever refused it.
 */
public final class ServerErrorsAsProblems implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorsAsProblems.class);

    private final Codecs codecs;

    public ServerErrorsAsProblems(Codecs codecs) {
        this.codecs = codecs;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server is up only once the context is fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        // The root router: error handlers of the sub-router that platform-http exposes are never called.
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        if (server == null || server.getServer() == null || !(server.getServer().requestHandler() instanceof Router router)) {
            LOG.warn("HTTP server errors stay in Vert.x's own format: no platform-http router found");
            return;
        }
        router.errorHandler(404, ctx -> answer(ctx, Problem.of(404, "not-found", "Not found",
                "no endpoint at " + ctx.request().path())));
        router.errorHandler(405, ctx -> answer(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
                ctx.request().method() + " is not accepted at " + ctx.request().path())));
        router.errorHandler(413, ctx -> answer(ctx, Problem.of(413, "body-too-large", "Body too large",
                "the body is over the server's limit (camel.server.max-body-size)")));
    }

    private void answer(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            return;
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(codecs.json().writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
