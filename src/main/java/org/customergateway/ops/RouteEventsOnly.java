package org.customergateway.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerRouteEventNotifier;

/**
 * Camel's route gauges ({@code camel_routes_added}, {@code camel_routes_running}) come from a notifier
 * that reads route events only, yet it does not say so: Camel then made an event object for every
 * exchange created, sent and done, only for the notifier to drop it (1.5 % of an HTTP create's CPU,
 * BENCHMARKS.md session 13). Once the notifier exists (the context is starting), it says so.
 */
public final class RouteEventsOnly implements StartupListener {

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        context.getManagementStrategy().getEventNotifiers().stream()
                .filter(MicrometerRouteEventNotifier.class::isInstance)
                // Camel asks this one flag before it builds any exchange event for a notifier
                .forEach(notifier -> notifier.setIgnoreExchangeEvents(true));
    }
}
