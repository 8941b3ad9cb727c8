package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.junit.jupiter.api.Test;

/**
 * A port that cannot be bound stops the start (Camel's own server only logs it): the case where the
 * port is taken after GatewayMain's early probe, here by starting the server alone on a taken port.
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
}
