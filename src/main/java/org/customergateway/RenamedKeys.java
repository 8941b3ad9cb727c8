package org.customergateway;

import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Settings under a name the gateway no longer reads stop the start, with the new name: a circuit
 * breaker's threshold set under the old name would otherwise be ignored without a word.
 */
final class RenamedKeys {

    /** The circuit breakers' keys, camel.resilience4j.* until December 2026 (application.properties says why). */
    private static final String OLD = "camel.resilience4j.";
    private static final String NEW = "gateway.circuit-breaker.";

    private RenamedKeys() {
    }

    /** @throws IllegalStateException naming every old key set, and what it is now */
    static void refuse(Properties properties, Properties system, Map<String, String> environment) {
        TreeSet<String> old = new TreeSet<>();
        Stream.concat(properties.stringPropertyNames().stream(), system.stringPropertyNames().stream())
                .filter(key -> key.startsWith(OLD)).forEach(old::add);
        String variable = EnvironmentOverrides.variableName(OLD);
        environment.keySet().stream().filter(name -> name.startsWith(variable))
                .map(name -> OLD + name.substring(variable.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .forEach(old::add);
        if (!old.isEmpty()) {
            throw new StartRefused("renamed settings: " + String.join(", ", old.stream()
                    .map(key -> key + " is now " + NEW + key.substring(OLD.length())).toList())
                    + " (environment variables GATEWAY_CIRCUIT_BREAKER_...)");
        }
    }
}
