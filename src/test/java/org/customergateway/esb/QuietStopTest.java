package org.customergateway.esb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;

import java.nio.file.Path;
import org.customergateway.support.CapturedLogs;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.Stomp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway reading the queue of its embedded broker stops quietly: its own connection to the broker is
 * closed before the broker stops, so the broker's shutdown does not cut it and no JMS error is logged.
 */
class QuietStopTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path data;

    @Test
    void a_gateway_with_the_embedded_broker_stops_without_a_connection_error() {
        int port = RunningGateway.freePort();
        String key = "key-" + newId();
        RunningGateway gateway = SETUP.start(SETUP.vendors().gatewaySettingsWithEmbeddedBroker(port, data.resolve("broker"), key));
        // the gateway reads the queue: a customer sent over STOMP comes back created
        try (Stomp client = new Stomp(port)) {
            assertThat(client.connect("client", key)).startsWith("CONNECTED");
            client.send("SUBSCRIBE\nid:0\ndestination:customers.out\nack:auto\n\n");
            String id = newId();
            client.send("SEND\ndestination:customers.in\ncontent-type:application/json\n\n"
                    + Fixtures.text("canonical-customer.json").replace("C-1001", id));
            assertThat(client.read()).startsWith("MESSAGE").contains(id).contains("CREATED");
        }
        try (CapturedLogs logs = new CapturedLogs()) {
            gateway.close();
            assertThat(logs.text()).doesNotContain("JMSException").doesNotContain("disconnected");
        }
    }
}
