package org.customergateway.simplepin;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;

/**
 * With {@code gateway.simplepin.lookups=live}: loads SimplePin's tables once the routes run (the calls
 * go through {@code direct:simplepin-call}), then again every {@code gateway.simplepin.lookups-refresh-minutes}.
 */
public final class LiveTablesRefresh implements StartupListener {

    private final CurrentGeography tables;
    private final long everyMinutes;

    public LiveTablesRefresh(CurrentGeography tables, long everyMinutes) {
        this.tables = tables;
        this.everyMinutes = everyMinutes;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the routes the look-ups travel through run only once the context is fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        tables.refresh();
        ScheduledExecutorService scheduler = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "simplepin-tables-refresh");
        scheduler.scheduleWithFixedDelay(tables::refresh, everyMinutes, everyMinutes, TimeUnit.MINUTES);
    }
}
