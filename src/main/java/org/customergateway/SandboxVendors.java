package org.customergateway;

import java.util.List;
import org.apache.camel.support.service.ServiceSupport;
import org.customergateway.simplepin.SimplePinGeography;
import org.customergateway.simplepin.sandbox.SimplePinSimulator;
import org.customergateway.syntch.sandbox.SyntchSimulator;

/**
 * The sandbox profile's vendors: both simulators, started and stopped with the gateway, on the ports
 * the sandbox base URLs point at. Nothing else need be installed to try the gateway.
 */
public final class SandboxVendors extends ServiceSupport {

    public record Settings(int simplePinPort, String simplePinApiKey, int syntchPort, String syntchUsername,
                           String syntchPassword, String syntchApiKey) {

        @Override
        public String toString() {
            return "SandboxVendors.Settings[simplePinPort=" + simplePinPort + ", syntchPort=" + syntchPort + "]";
        }
    }

    private final Settings settings;
    private final List<SimplePinGeography.Country> countries;
    private final List<SimplePinGeography.Province> provinces;
    private SimplePinSimulator simplePin;
    private SyntchSimulator syntch;

    public SandboxVendors(Settings settings, List<SimplePinGeography.Country> countries,
                          List<SimplePinGeography.Province> provinces) {
        this.settings = settings;
        this.countries = countries;
        this.provinces = provinces;
    }

    @Override
    protected void doStart() {
        simplePin = new SimplePinSimulator(countries, provinces, settings.simplePinApiKey(), settings.simplePinPort());
        syntch = new SyntchSimulator(settings.syntchUsername(), settings.syntchPassword(), settings.syntchApiKey(),
                settings.syntchPort());
    }

    @Override
    protected void doStop() {
        if (simplePin != null) {
            simplePin.close();
        }
        if (syntch != null) {
            syntch.close();
        }
    }
}
