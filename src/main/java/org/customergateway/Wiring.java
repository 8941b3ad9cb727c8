package org.customergateway;

import org.apache.camel.CamelContext;

/**
 * What the wiring areas share. Each area binds its beans with {@code @BindToRegistry(lazy = true)} methods,
 * under the names the routes use: a bean is made when it is first looked up, with the beans it takes found
 * in the registry by type (or by name, {@code @BeanInject}), so the areas can be read, and run, in any order.
 */
final class Wiring {

    private Wiring() {
    }

    /** A bean some area binds, for what an area starts in its {@code configure} (services, listeners). */
    static <T> T bean(CamelContext camelContext, String name, Class<T> type) {
        T bean = camelContext.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " named " + name + " in the registry");
        }
        return bean;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
