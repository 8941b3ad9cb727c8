package org.customergateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.customergateway.dispatch.Sleeper;

/** Records the delays the retry policy asked for, and waits none of them: tests stay fast and can read them. */
public final class RecordingSleeper implements Sleeper {

    private final List<Long> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(long millis) {
        delays.add(millis);
    }

    public List<Long> delays() {
        return List.copyOf(delays);
    }

    public void clear() {
        delays.clear();
    }
}
