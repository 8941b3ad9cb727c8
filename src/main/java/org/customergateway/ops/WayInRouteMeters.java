package org.customergateway.ops;

import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;

/**
 * Camel's per-route meters ({@code camel_exchanges_total}, {@code camel_exchanges_failed_total}, the route's
 * timer, by {@code routeId}) on the routes a customer or a request enters by: the HTTP routes, the queue,
 * the file drop, the look-up tables. Not on the routes every customer then crosses several times
 * (the dispatch, each vendor's sink, create, attempt and call): their meters told nothing the gateway's
 * own do not ({@code gateway_dispatch_seconds}, {@code gateway_vendor_attempts}, the circuit breakers'),
 * and recording them was about 4 % of an HTTP create's CPU.
 */
public final class WayInRouteMeters {

    /** The routes every customer crosses on its way to the vendors, by id. */
    static final String INNER_ROUTES = "customer-dispatch,simplepin-sink,simplepin-create,simplepin-attempt,simplepin-call,"
            + "syntch-sink,syntch-create,syntch-attempt,syntch-call";

    private WayInRouteMeters() {
    }

    /** In place of camel.metrics.enable-route-policy's factory, which meters every route. */
    public static MicrometerRoutePolicyFactory factory() {
        MicrometerRoutePolicyConfiguration configuration = new MicrometerRoutePolicyConfiguration();
        configuration.setContextEnabled(false);
        configuration.setRouteEnabled(true);
        configuration.setExcludePattern(INNER_ROUTES);
        MicrometerRoutePolicyFactory factory = new MicrometerRoutePolicyFactory();
        factory.setPolicyConfiguration(configuration);
        return factory;
    }
}
