package org.customergateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorBreakers;
import org.customergateway.dispatch.VendorLane;
import org.customergateway.json.Codecs;
import org.customergateway.ops.VendorActivity;

/**
 * {@code GET /api/v1/vendors}: each vendor's circuit, its health check, its totals and the last hour of
 * samples ({@link VendorActivity}), and what readiness says: the console's vendors view on the API
 * port, without the management port or a Prometheus.
 */
public final class VendorsEndpoint {

    /** A health check's answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String id, String state, String message) {
    }

    /** One vendor. */
    public record VendorView(String vendor, String circuit, VendorLane.State lane, Check health,
                             VendorActivity.Totals totals, List<VendorActivity.Sample> samples) {
    }

    /** The answer. */
    public record Vendors(Readiness readiness, long sampleSeconds, List<VendorView> vendors) {
    }

    /** Whether this instance takes traffic (/observe/health/ready), with each check. */
    public record Readiness(String state, List<Check> checks) {
    }

    private final VendorActivity activity;
    private final VendorBreakers breakers;
    private final Map<Vendor, VendorLane> lanes;
    private final Codecs codecs;

    public VendorsEndpoint(VendorActivity activity, VendorBreakers breakers, Map<Vendor, VendorLane> lanes, Codecs codecs) {
        this.lanes = lanes;
        this.activity = activity;
        this.breakers = breakers;
        this.codecs = codecs;
    }

    public void vendors(Exchange exchange) throws IOException {
        CamelContext context = exchange.getContext();
        List<VendorView> vendors = new ArrayList<>();
        for (Vendor vendor : Vendor.values()) {
            vendors.add(new VendorView(vendor.id(), breakers.of(vendor).getState().name(), lanes.get(vendor).state(),
                    health(context, vendor), activity.totals(vendor), activity.samples(vendor)));
        }
        HttpReply.write(exchange.getMessage(), 200, "application/json", codecs.json(),
                new Vendors(readiness(context), activity.every().toSeconds(), vendors));
    }

    private static Check health(CamelContext context, Vendor vendor) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        String id = "vendor-" + vendor.id();
        return registry == null ? null : registry.getCheck(id)
                .map(check -> check(check.call()))
                .orElse(null);
    }

    private static Readiness readiness(CamelContext context) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        // the checks that say something: each route's and each consumer's own check only when it is not UP
        List<Check> checks = results.stream()
                .filter(result -> result.getState() != HealthCheck.State.UP || !perRoute(result.getCheck().getId()))
                .map(VendorsEndpoint::check).toList();
        boolean up = results.stream().allMatch(result -> result.getState() == HealthCheck.State.UP);
        return new Readiness(up ? "UP" : "DOWN", checks);
    }

    private static boolean perRoute(String id) {
        return id.startsWith("route:") || id.startsWith("consumer:");
    }

    private static Check check(HealthCheck.Result result) {
        return new Check(result.getCheck().getId(), result.getState().name(), result.getMessage().orElse(null));
    }
}
