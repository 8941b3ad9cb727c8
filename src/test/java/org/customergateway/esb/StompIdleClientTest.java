package org.customergateway.esb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;

import java.nio.file.Path;
import java.util.Map;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.Stomp;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A STOMP client that sends nothing (no heart-beats), as a plain subscriber waiting for results does,
 * keeps its connection to the embedded broker for gateway.esb.embedded-broker.stomp-idle-ms, not for
 * Artemis's own 60 s: here set to 4 s, and the broker drops it then, not before.
 */
class StompIdleClientTest {

    private static final String KEY = "stomp-key-" + newId();
    private static final long IDLE_MS = 4_000;

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path data;

    @Test
    void a_silent_subscriber_keeps_its_connection_for_the_configured_idle_time_then_loses_it() throws Exception {
        TestVendors vendors = SETUP.vendors();
        int port = RunningGateway.freePort();
        Map<String, String> settings = vendors.gatewaySettingsWithEmbeddedBroker(port, data.resolve("broker"), KEY);
        settings.put("gateway.esb.embedded-broker.stomp-idle-ms", String.valueOf(IDLE_MS));
        SETUP.start(settings);

        try (Stomp subscriber = new Stomp(port); Stomp sender = new Stomp(port)) {
            assertThat(subscriber.connect("results", KEY)).startsWith("CONNECTED");
            subscriber.send("SUBSCRIBE\nid:0\ndestination:customers.out\nack:auto\n\n");
            assertThat(sender.connect("customers", KEY)).startsWith("CONNECTED");
            long connected = System.nanoTime();

            // the silent subscriber gets the result it waits for
            String id = newId();
            sender.send("SEND\ndestination:customers.in\ncontent-type:application/json\n\n"
                    + Fixtures.text("canonical-customer.json").replace("C-1001", id));
            assertThat(subscriber.read()).startsWith("MESSAGE").contains(id);

            // then, still silent, it is taken for dead once the idle time is over, not before and not
            // after Artemis's 60 s (the socket would time out after 30 s): the broker closes the
            // connection (end of stream, perhaps after an ERROR frame saying why)
            String last = subscriber.read();
            if (last.startsWith("ERROR")) {
                last = subscriber.read();
            }
            assertThat(last).as("nothing more but the end of the connection").isEmpty();
            assertThat((System.nanoTime() - connected) / 1_000_000).as("not before the idle time")
                    .isGreaterThanOrEqualTo(IDLE_MS);
        }
    }
}
