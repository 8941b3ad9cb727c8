package org.customergateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way tests start gateways in this JVM ({@link RunningGateway#start} is not public): both
 * vendor simulators on random ports, the class's gateway on the settings the class makes from them
 * ({@link #with}; none with {@link #perTest}, whose tests get fresh simulators each), and any further
 * gateway a test starts (a restart, a second instance, settings of its own) through {@link #start}.
 * After each test the simulators' faults, rate limits and latency are cleared and the gateways that test
 * started are stopped; after the class, everything. The test instance is made after the class's
 * gateway has started, so instance fields may hold what the tests use:
 * <pre>
 * &#64;RegisterExtension
 * static final GatewayExtension SETUP = GatewayExtension.withDefaults();
 * private final TestVendors vendors = SETUP.vendors();
 * private final RunningGateway gateway = SETUP.gateway();
 * </pre>
 */
public final class GatewayExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private final Function<TestVendors, Map<String, String>> settings;
    private final boolean classGateway;
    private final List<RunningGateway> startedByTests = new ArrayList<>();
    private final List<RunningGateway> classGateways = new ArrayList<>();
    private TestVendors vendors;
    private RunningGateway gateway;
    private boolean inTest;

    private GatewayExtension(Function<TestVendors, Map<String, String>> settings, boolean classGateway) {
        this.settings = settings;
        this.classGateway = classGateway;
    }

    /** A gateway on the simulators' settings ({@link TestVendors#gatewaySettings()}) and nothing else. */
    public static GatewayExtension withDefaults() {
        return new GatewayExtension(TestVendors::gatewaySettings, true);
    }

    /** @param settings the class gateway's whole configuration, made from the running simulators */
    public static GatewayExtension with(Function<TestVendors, Map<String, String>> settings) {
        return new GatewayExtension(settings, true);
    }

    /**
     * No gateway of the class's: a test that asks for simulators gets its own (fresh counts, no
     * customers), and starts the gateways it needs with {@link #start}; both are closed after it.
     */
    public static GatewayExtension perTest() {
        return new GatewayExtension(TestVendors::gatewaySettings, false);
    }

    /** The simulators: the class's, or (perTest) this test's, made when a test first asks for them. */
    public TestVendors vendors() {
        if (vendors == null && !classGateway) {
            vendors = new TestVendors();
        }
        return vendors;
    }

    /** The class's gateway, started before the first test. */
    public RunningGateway gateway() {
        if (gateway == null) {
            throw new IllegalStateException("this class has no gateway of its own (GatewayExtension.perTest)");
        }
        return gateway;
    }

    /**
     * Another gateway, on exactly these settings (start from {@code vendors().gatewaySettings()} to
     * reach the simulators), stopped after the current test, or after the class when started in a
     * {@code @BeforeAll}.
     */
    public RunningGateway start(Map<String, String> settings) {
        return start(settings, Map.of());
    }

    /** @param beans bound in the registry before the gateway's own, under these names */
    public RunningGateway start(Map<String, String> settings, Map<String, Object> beans) {
        RunningGateway started = RunningGateway.start(settings, beans);
        if (inTest) {
            startedByTests.add(started);
        } else {
            classGateways.add(started);
        }
        return started;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classGateway) {
            vendors = new TestVendors();
            gateway = RunningGateway.start(settings.apply(vendors));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inTest = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        inTest = false;
        stopAll(startedByTests);
        if (vendors == null) {
            return;
        }
        if (classGateway) {
            vendors.simplePin.server().clearFaults();
            vendors.syntch.server().clearFaults();
            vendors.simplePin.server().latency(Duration.ZERO);
            vendors.syntch.server().latency(Duration.ZERO);
        } else {
            vendors.close();
            vendors = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAll(classGateways);
        if (gateway != null) {
            gateway.close();
        }
        if (classGateway && vendors != null) {
            vendors.close();
        }
    }

    private static void stopAll(List<RunningGateway> gateways) {
        // the last started first: a second instance goes before the first, as an operator would stop them
        for (int i = gateways.size() - 1; i >= 0; i--) {
            gateways.get(i).close();
        }
        gateways.clear();
    }
}
