package org.customergateway;

import static org.apache.camel.support.CamelContextHelper.mandatoryLookup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.customergateway.dispatch.Vendor;
import org.customergateway.dispatch.VendorBreakers;
import org.customergateway.dispatch.VendorLane;
import org.customergateway.esb.QueueBroker;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.http.VendorsEndpoint;
import org.customergateway.json.Codecs;
import org.customergateway.ledger.DeadLetterStore;
import org.customergateway.ledger.LedgerDatabase;
import org.customergateway.ledger.LedgerWriter;
import org.customergateway.ops.BrokerHealthCheck;
import org.customergateway.ops.OperationsWiring;
import org.customergateway.ops.RouteEventsOnly;
import org.customergateway.ops.StartupReport;
import org.customergateway.ops.VendorActivity;
import org.customergateway.ops.WayInRouteMeters;

/** What operators see: the start-up report, health and metrics (ops.OperationsWiring), the console's vendors page. */
public class OperatorWiring implements CamelConfiguration {

    @PropertyInject("gateway.esb.enabled")
    private boolean esbEnabled;
    @PropertyInject("camel.metrics.enable-route-policy")
    private boolean camelMetersEveryRoute;
    @PropertyInject("gateway.ledger.url")
    private String ledgerUrl;
    @PropertyInject("gateway.filedrop.dir")
    private String fileDropDir;
    @PropertyInject("gateway.sandbox.simulators")
    private boolean sandboxSimulators;
    @PropertyInject("gateway.simplepin.base-url")
    private String simplePinBaseUrl;
    @PropertyInject("gateway.syntch.base-url")
    private String syntchBaseUrl;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        // Camel's route meters: on the ways in only, unless camel.metrics.enable-route-policy asks for
        // them on every route (then Camel's own factory puts them there, and this one would count twice)
        if (!camelMetersEveryRoute) {
            camelContext.addRoutePolicyFactory(WayInRouteMeters.factory());
        }
        camelContext.addStartupListener(new RouteEventsOnly());
        QueueBroker broker = esbEnabled ? mandatoryLookup(camelContext, "queueBroker", QueueBroker.class) : null;
        camelContext.addStartupListener(new StartupReport(new StartupReport.Facts(
                camelContext.resolvePropertyPlaceholders("{{camel.main.profile:sandbox}}"),
                Integer.parseInt(camelContext.resolvePropertyPlaceholders("{{camel.server.port}}")),
                Integer.parseInt(camelContext.resolvePropertyPlaceholders("{{camel.management.port}}")), Path.of(fileDropDir),
                broker == null ? null : camelContext.resolvePropertyPlaceholders("{{gateway.esb.in}}").replaceAll("\\?.*", "")
                        + " on " + broker.describe(),
                ledgerUrl.replaceAll("(?i)(password|user)=[^&;]*", "$1=***"), simplePinBaseUrl, syntchBaseUrl,
                sandboxSimulators)));
        camelContext.addStartupListener(new OperationsWiring(
                mandatoryLookup(camelContext, "ledgerDatabase", LedgerDatabase.class).dataSource(),
                mandatoryLookup(camelContext, "ledgerWriter", LedgerWriter.class),
                mandatoryLookup(camelContext, "deadLetterStore", DeadLetterStore.class),
                mandatoryLookup(camelContext, "fileDropStatus", FileDropStatus.class),
                mandatoryLookup(camelContext, "vendorBreakers", VendorBreakers.class),
                List.of(mandatoryLookup(camelContext, "simplepinLane", VendorLane.class), mandatoryLookup(camelContext, "syntchLane", VendorLane.class)),
                simplePinBaseUrl, syntchBaseUrl,
                broker == null ? null : new BrokerHealthCheck.Broker(broker.url(), broker.credentials().gatewayUser(),
                        broker.credentials().gatewayPassword())));
    }

    /** Each vendor's last hour, sampled for the console. */
    @BindToRegistry(value = "vendorActivity", lazy = true)
    public VendorActivity vendorActivity(CamelContext camelContext,
            @PropertyInject("gateway.console.sample-seconds") long sampleSeconds) throws Exception {
        VendorActivity activity = new VendorActivity(() -> OperationsWiring.meters(camelContext),
                Duration.ofSeconds(sampleSeconds), Duration.ofHours(1));
        camelContext.addService(activity, true, true);
        return activity;
    }

    @BindToRegistry(value = "vendorsEndpoint", lazy = true)
    public VendorsEndpoint vendorsEndpoint(VendorActivity activity, VendorBreakers breakers,
            @BeanInject("simplepinLane") VendorLane simplepin, @BeanInject("syntchLane") VendorLane syntch, Codecs codecs) {
        return new VendorsEndpoint(activity, breakers, Map.of(Vendor.SIMPLEPIN, simplepin, Vendor.SYNTCH, syntch), codecs);
    }
}
