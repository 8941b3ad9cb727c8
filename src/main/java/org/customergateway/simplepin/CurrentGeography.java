package org.customergateway.simplepin;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The country and province tables in use: the snapshot from {@code mappings/} until SimplePin's live
 * tables load ({@code gateway.simplepin.lookups=live}), and the last good live tables after that. A
 * failed refresh keeps what is there, so an unreachable SimplePin never empties the tables.
 */
public final class CurrentGeography implements Supplier<SimplePinGeography> {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentGeography.class);

    private final AtomicReference<SimplePinGeography> current;
    private final SimplePinLookups lookups;

    public CurrentGeography(SimplePinGeography snapshot, SimplePinLookups lookups) {
        this.current = new AtomicReference<>(snapshot);
        this.lookups = lookups;
    }

    @Override
    public SimplePinGeography get() {
        return current.get();
    }

    /** @return true when the live tables were loaded */
    public boolean refresh() {
        try {
            SimplePinGeography live = lookups.load();
            current.set(live);
            LOG.info("SimplePin tables loaded live: {} countries, {} provinces", live.countries().size(),
                    live.provinces().size());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("SimplePin tables not refreshed, keeping the ones in use: {}", e.getMessage());
            return false;
        }
    }
}
