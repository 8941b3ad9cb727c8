package org.customergateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** An old circuit-breaker key stops the start with its new name, wherever it was set. */
class RenamedKeysTest {

    @Test
    void an_old_key_in_the_properties_or_on_the_command_line_is_named_with_its_new_name() {
        Properties properties = new Properties();
        properties.setProperty("camel.resilience4j.minimum-number-of-calls", "5");
        Properties system = new Properties();
        system.setProperty("camel.resilience4j.sliding-window-size", "10");

        assertThatThrownBy(() -> RenamedKeys.refuse(properties, system, Map.of()))
                .hasMessageContaining("camel.resilience4j.minimum-number-of-calls is now gateway.circuit-breaker.minimum-number-of-calls")
                .hasMessageContaining("camel.resilience4j.sliding-window-size is now gateway.circuit-breaker.sliding-window-size");
    }

    @Test
    void an_old_environment_variable_is_named_too() {
        assertThatThrownBy(() -> RenamedKeys.refuse(new Properties(), new Properties(),
                Map.of("CAMEL_RESILIENCE4J_WAIT_DURATION_IN_OPEN_STATE", "5")))
                .hasMessageContaining("camel.resilience4j.wait-duration-in-open-state is now gateway.circuit-breaker.wait-duration-in-open-state");
    }

    @Test
    void the_new_keys_pass() {
        Properties properties = new Properties();
        properties.setProperty("gateway.circuit-breaker.minimum-number-of-calls", "5");

        assertThatCode(() -> RenamedKeys.refuse(properties, new Properties(), Map.of("PATH", "/usr/bin"))).doesNotThrowAnyException();
    }
}
