package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** gateway.event-loops: the gateway's one Vert.x has that many event loops, or one per core when 0. */
class EventLoopsTest {

    @Test
    void oneEventLoopPerCoreUnlessConfigured() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThat(eventLoops(new VendorWiring().vertx(camel, 0)))
                    .isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(eventLoops(new VendorWiring().vertx(camel, 3))).isEqualTo(3);
        }
    }

    private static int eventLoops(Vertx vertx) {
        try {
            int loops = 0;
            for (var ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
                loops++;
            }
            return loops;
        } finally {
            vertx.close();
        }
    }
}
