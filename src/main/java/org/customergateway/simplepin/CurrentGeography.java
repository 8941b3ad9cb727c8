package org.customergateway.simplepin;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The country and province tables in use: the snapshot from {@code mappings/} until SimplePin's live
 * tables load ({@code gateway.simplepin.lookups=live}, {@code routes/simplepin-tables-source}), and the
 * last good live tables after that. A failed refresh keeps what is there, so an unreachable SimplePin
 * never empties the tables.
 */
public final class CurrentGeography implements Supplier<SimplePinGeography> {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentGeography.class);

    private final AtomicReference<SimplePinGeography> current;

    public CurrentGeography(SimplePinGeography snapshot) {
        this.current = new AtomicReference<>(snapshot);
    }

    @Override
    public SimplePinGeography get() {
        return current.get();
    }

    /** SimplePin's live tables, read by {@code routes/simplepin-tables-source}, are the ones in use from now on. */
    public void install(SimplePinGeography live) {
        current.set(live);
        LOG.info("SimplePin tables loaded live: {} countries, {} provinces", live.countries().size(),
                live.provinces().size());
    }

    /** A read of SimplePin's tables failed: the ones in use stay. */
    public void keepCurrent(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        // the reason, not the split's wrapping of it
        while (failure != null && failure.getCause() != null) {
            failure = failure.getCause();
        }
        LOG.warn("SimplePin tables not refreshed, keeping the ones in use: {}",
                failure == null ? "no answer" : failure.getMessage());
    }
}
