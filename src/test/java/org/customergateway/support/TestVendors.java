package org.customergateway.support;

import java.util.HashMap;
import java.util.Map;
import org.customergateway.simplepin.sandbox.SimplePinSimulator;
import org.customergateway.syntch.sandbox.SyntchSimulator;

/**
 * Both vendor simulators on free ports, and the gateway settings that point at them: what the tests
 * run the gateway against, so that they can count what reached each vendor and inject faults.
 */
public final class TestVendors implements AutoCloseable {

    public static final String SIMPLEPIN_KEY = "sp-test-key-5f3a";
    public static final String SYNTCH_USER = "gateway";
    public static final String SYNTCH_PASSWORD = "syntch-test-pass-9c1e";

    public final SimplePinSimulator simplePin = new SimplePinSimulator(Fixtures.GEOGRAPHY.countries(),
            Fixtures.GEOGRAPHY.provinces(), SIMPLEPIN_KEY, 0);
    public final SyntchSimulator syntch = new SyntchSimulator(SYNTCH_USER, SYNTCH_PASSWORD, null, 0);

    /** The tests' short retries and vendor timeout (gatewaySettings), for a test to drop and run with a user's. */
    private static final java.util.Set<String> SHORT_RETRIES = java.util.Set.of("gateway.retry.max-attempts",
            "gateway.retry.initial-delay-ms", "gateway.retry.max-delay-ms", "gateway.http.timeout-ms");

    /** These settings with the retries and the vendor timeout a user runs with (application.properties'). */
    public static Map<String, String> withUsersRetries(Map<String, String> settings) {
        settings.keySet().removeAll(SHORT_RETRIES);
        return settings;
    }

    /** What Syntch's create let through and answered 429 under a rate limit of the simulator's (limitRate). */
    public record RateLimited(long allowed, long refused) {
        public double refusedShare() {
            return (double) refused / (allowed + refused);
        }
    }

    /** Syntch's creates so far against its simulator's rate limit on POST /customers. */
    public RateLimited syntchCreatesRateLimited() {
        Map<String, Object> limit = syntch.server().rateLimits().get(org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS);
        return new RateLimited((long) limit.get("allowed"), (long) limit.get("refused"));
    }

    /** For tests that inject faults on purpose: the circuit breaker (tested on its own) never opens. */
    public static final Map<String, String> BREAKER_NEVER_OPENS = Map.of(
            "gateway.circuit-breaker.minimum-number-of-calls", "1000",
            "gateway.circuit-breaker.sliding-window-size", "1000");

    /**
     * For tests of the circuit breaker's mechanics: a window of the last 4 calls that opens at half of
     * them failed, stays open {@code openSeconds} and then lets 1 trial call through (the time-based
     * defaults are CircuitBreakerDefaultsHttpTest's).
     */
    public static Map<String, String> breakerOverTheLastFourCalls(int openSeconds) {
        return Map.of("gateway.circuit-breaker.sliding-window-type", "COUNT_BASED",
                "gateway.circuit-breaker.sliding-window-size", "4",
                "gateway.circuit-breaker.minimum-number-of-calls", "4",
                "gateway.circuit-breaker.failure-rate-threshold", "50",
                "gateway.circuit-breaker.wait-duration-in-open-state", String.valueOf(openSeconds),
                "gateway.circuit-breaker.permitted-number-of-calls-in-half-open-state", "1");
    }

    /** The gateway configuration for these simulators: short delays and timeouts so tests run fast. */
    public Map<String, String> gatewaySettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("gateway.sandbox.simulators", "false");
        settings.put("gateway.simplepin.base-url", simplePin.baseUrl());
        settings.put("gateway.simplepin.api-key", SIMPLEPIN_KEY);
        settings.put("gateway.syntch.base-url", syntch.baseUrl());
        settings.put("gateway.syntch.username", SYNTCH_USER);
        settings.put("gateway.syntch.password", SYNTCH_PASSWORD);
        settings.put("gateway.syntch.merchant-key", "4711");
        // SHORT_RETRIES: so that tests run fast
        settings.put("gateway.retry.max-attempts", "4");
        settings.put("gateway.retry.initial-delay-ms", "10");
        settings.put("gateway.retry.max-delay-ms", "2000");
        settings.put("gateway.http.timeout-ms", "700");
        return settings;
    }

    /**
     * These simulators' settings, with the queue entry on an embedded broker of its own (on {@code port},
     * its journal in {@code dataDir}) whose clients log in with {@code apiKey}, and Syntch the default target.
     */
    public Map<String, String> gatewaySettingsWithEmbeddedBroker(int port, java.nio.file.Path dataDir, String apiKey) {
        Map<String, String> settings = gatewaySettings();
        settings.put("gateway.auth.api-keys", apiKey);
        settings.put("gateway.esb.enabled", "true");
        settings.put("gateway.esb.embedded-broker.enabled", "true");
        settings.put("gateway.esb.embedded-broker.port", String.valueOf(port));
        settings.put("gateway.esb.embedded-broker.data-dir", dataDir.toString());
        settings.put("gateway.default-target", "syntch");
        return settings;
    }

    @Override
    public void close() {
        simplePin.close();
        syntch.close();
    }
}
