package org.customergateway;

import org.apache.camel.spi.Registry;

/** What the wiring areas share: binding a bean under the name the routes use, and taking one an earlier area bound. */
final class Wiring {

    private Wiring() {
    }

    static <T> T bind(Registry registry, String name, T bean) {
        registry.bind(name, bean);
        return bean;
    }

    /** A bean an earlier area bound (the areas run in the order GatewayMain adds them). */
    static <T> T need(Registry registry, String name, Class<T> type) {
        T bean = registry.lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("no " + name + " in the registry: the wiring areas ran out of order");
        }
        return bean;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
