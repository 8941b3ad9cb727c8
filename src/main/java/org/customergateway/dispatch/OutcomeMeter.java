package org.customergateway.dispatch;

import java.time.Duration;

/** Where every vendor outcome is counted and timed (the operations side: ops.DispatchMetrics). */
public interface OutcomeMeter {

    void record(String wayIn, Outcome outcome, Duration took);
}
