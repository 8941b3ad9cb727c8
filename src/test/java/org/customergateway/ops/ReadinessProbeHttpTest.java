package org.customergateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The container's HEALTHCHECK asks the management port whether this instance can take work. */
class ReadinessProbeHttpTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @Test
    void a_started_gateway_is_ready_and_a_stopped_one_is_not_with_the_reason() {
        int managementPort;
        try (RunningGateway gateway = SETUP.start(Map.of())) {
            managementPort = gateway.managementPort();
            // ready once the file drop's consumers have polled their folders (Camel's consumer checks), within a second
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ReadinessProbe.problem(gateway.managementPort()) == null);
        }

        assertThat(ReadinessProbe.problem(managementPort)).contains("ConnectException");
    }
}
