package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.junit.jupiter.api.Test;

/**
 * A port that cannot be bound stops the start (Camel's own server only logs it): the case where the
 * port is taken after GatewayMain's early probe, here by starting the server alone on a taken port.
 * The connections are served on every event loop, not only on the one Camel's server listens on.
 */
class GatewayHttpServerTest {

    @Test
    void a_port_that_cannot_be_bound_stops_the_start() throws Exception {
        try (ServerSocket taken = new ServerSocket(0); CamelContext context = new DefaultCamelContext()) {
            HttpServerConfigurationProperties properties = new HttpServerConfigurationProperties(null);
            properties.setPort(taken.getLocalPort());
            context.addService(new GatewayHttpServer.Factory().newHttpServer(context, properties));
            assertThatThrownBy(context::start).hasStackTraceContaining("could not be bound")
                    .hasStackTraceContaining(String.valueOf(taken.getLocalPort()));
            assertThat(context.isStarted()).isFalse();
        }
    }

    @Test
    void connections_are_served_on_every_event_loop() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (ServerSocket free = new ServerSocket(0); CamelContext context = new DefaultCamelContext()) {
            int port = free.getLocalPort();
            free.close();
            context.getRegistry().bind("vertx", vertx);
            HttpServerConfigurationProperties properties = new HttpServerConfigurationProperties(null);
            properties.setPort(port);
            context.addService(new GatewayHttpServer.Factory().newHttpServer(context, properties));
            context.start();
            VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port))
                    .route("/loop").handler(request -> request.end(Thread.currentThread().getName()));

            Set<String> threads = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                // a client of its own: a connection of its own
                HttpClient client = HttpClient.newHttpClient();
                threads.add(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/loop")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
        } finally {
            vertx.close();
        }
    }
}
