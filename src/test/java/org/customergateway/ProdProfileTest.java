package org.customergateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProdProfileTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @Test
    void prod_refuses_to_start_without_vendors_and_credentials_and_names_what_is_missing() {
        assertThatThrownBy(() -> SETUP.start(Map.of("camel.main.profile", "prod")))
                .rootCause()
                .hasMessageContaining("gateway.simplepin.base-url")
                .hasMessageContaining("gateway.simplepin.api-key")
                .hasMessageContaining("gateway.syntch.base-url")
                .hasMessageContaining("gateway.syntch.api-key (or gateway.syntch.username and gateway.syntch.password)")
                .hasMessageContaining("gateway.auth.api-keys");
    }

    @Test
    void prod_names_only_what_is_still_missing() {
        assertThatThrownBy(() -> SETUP.start(Map.of("camel.main.profile", "prod",
                "gateway.simplepin.base-url", "https://simplepin.example", "gateway.simplepin.api-key", "k",
                "gateway.syntch.base-url", "https://syntch.example", "gateway.syntch.api-key", "k")))
                .rootCause()
                .hasMessageEndingWith("missing: gateway.auth.api-keys");
    }
}
