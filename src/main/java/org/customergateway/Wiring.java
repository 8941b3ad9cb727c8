package org.customergateway;

/**
 * What the wiring areas share. Each area binds its beans with {@code @BindToRegistry(lazy = true)} methods,
 * under the names the routes use: a bean is made when it is first looked up, with the beans it takes found
 * in the registry by type (or by name, {@code @BeanInject}), so the areas can be read, and run, in any order.
 * What an area starts in its {@code configure} takes its beans with Camel's {@code mandatoryLookup}.
 */
final class Wiring {

    private Wiring() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
