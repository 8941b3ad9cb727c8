package org.customergateway.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.customergateway.dispatch.VendorLane;

/**
 * Each vendor's lane on /observe/metrics: {@code gateway_vendor_lane_rate} (the calls a second it allows
 * now; 0 while it is not paced), {@code gateway_vendor_lane_waiting} (calls waiting for their turn),
 * {@code gateway_vendor_rate_limited_total} (its 429s) and {@code gateway_vendor_lane_refused_total}
 * (HTTP callers turned away, their outcome FAILED).
 */
final class LaneMetrics {

    private LaneMetrics() {
    }

    static void bind(List<VendorLane> lanes, MeterRegistry meters) {
        for (VendorLane lane : lanes) {
            String vendor = lane.state().vendor();
            Gauge.builder("gateway.vendor.lane.rate", lane, each -> {
                Double rate = each.state().rate();
                return rate == null ? 0 : rate;
            }).description("Calls a second the vendor's lane allows now (0: not paced)").tag("vendor", vendor)
                    .register(meters);
            Gauge.builder("gateway.vendor.lane.bulk.calls", lane, each -> each.state().bulkCalls())
                    .description("Calls at once the file drop's and the queue's customers may make at the vendor now"
                            + " (0: no limit of their own)").tag("vendor", vendor).register(meters);
            Gauge.builder("gateway.vendor.lane.waiting", lane, each -> each.state().waiting())
                    .description("Calls waiting for their turn in the vendor's lane").tag("vendor", vendor).register(meters);
            FunctionCounter.builder("gateway.vendor.rate.limited", lane, each -> each.state().rateLimited())
                    .description("Calls the vendor answered 429 (too many calls)").tag("vendor", vendor).register(meters);
            FunctionCounter.builder("gateway.vendor.lane.refused", lane, each -> each.state().refused())
                    .description("HTTP callers refused because the vendor's lane was full").tag("vendor", vendor)
                    .register(meters);
        }
    }
}
