package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/flow.md's retry policy as routes/vendor-retries gives it to Camel's redelivery, read from the running
 * gateway (the clock is no judge of a backoff): "not now" answers, timeouts and failed connections
 * retried up to gateway.retry.max-attempts in all, exponentially from gateway.retry.initial-delay-ms with
 * jitter, never longer than gateway.retry.max-delay-ms, scheduled rather than slept; an open circuit never
 * retried. (The attempts themselves are counted at the simulator in DispatchHttpTest.)
 */
class RetryPolicyRouteTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.withDefaults();
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @Test
    void retryable_failures_are_redelivered_exponentially_with_jitter_without_a_thread_waiting() {
        RedeliveryPolicyDefinition policy = handlerFor("org.customergateway.dispatch.VendorNotNowException")
                .getRedeliveryPolicyType();
        assertThat(handlerFor("java.io.IOException").getExceptions())
                .contains("java.util.concurrent.TimeoutException", "io.vertx.core.VertxException");
        assertThat(resolved(policy.getMaximumRedeliveries()))
                .isEqualTo(String.valueOf(Integer.parseInt(vendors.gatewaySettings().get("gateway.retry.max-attempts")) - 1));
        assertThat(resolved(policy.getRedeliveryDelay())).isEqualTo(vendors.gatewaySettings().get("gateway.retry.initial-delay-ms"));
        assertThat(resolved(policy.getMaximumRedeliveryDelay())).isEqualTo(vendors.gatewaySettings().get("gateway.retry.max-delay-ms"));
        assertThat(resolved(policy.getUseExponentialBackOff())).isEqualTo("true");
        assertThat(resolved(policy.getBackOffMultiplier())).isEqualTo("2");
        assertThat(resolved(policy.getUseCollisionAvoidance())).isEqualTo("true");
        assertThat(resolved(policy.getAsyncDelayedRedelivery())).isEqualTo("true");
    }

    @Test
    void an_open_circuit_is_never_retried() {
        RedeliveryPolicyDefinition policy = handlerFor("io.github.resilience4j.circuitbreaker.CallNotPermittedException")
                .getRedeliveryPolicyType();
        assertThat(policy == null || policy.getMaximumRedeliveries() == null
                || "0".equals(resolved(policy.getMaximumRedeliveries()))).isTrue();
    }

    private OnExceptionDefinition handlerFor(String exception) {
        CamelContext context = gateway.context();
        RouteConfigurationDefinition retries = ((ModelCamelContext) context).getRouteConfigurationDefinition("vendor-retries");
        List<OnExceptionDefinition> handlers = retries.getOnExceptions();
        return handlers.stream().filter(h -> h.getExceptions().contains(exception)).findFirst()
                .orElseThrow(() -> new AssertionError("vendor-retries handles no " + exception));
    }

    private String resolved(String value) {
        return value == null ? null : gateway.context().resolvePropertyPlaceholders(value);
    }
}
