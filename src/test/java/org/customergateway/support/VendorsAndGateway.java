package org.customergateway.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The "simulators + gateway" setup most HTTP tests share: both vendor simulators on random ports, a
 * gateway pointed at them (with the class's own settings on top), closed after the class. The class's
 * static {@link TestVendors} and {@link RunningGateway} fields are filled in before its tests run.
 * <pre>
 * &#64;RegisterExtension
 * static final VendorsAndGateway SETUP = VendorsAndGateway.with(vendors -&gt; Map.of("gateway.retry.max-attempts", "1"));
 * private static TestVendors vendors;
 * private static RunningGateway gateway;
 * </pre>
 */
public final class VendorsAndGateway implements BeforeAllCallback, AfterAllCallback {

    private final Function<TestVendors, Map<String, String>> settings;
    private TestVendors vendors;
    private RunningGateway gateway;

    private VendorsAndGateway(Function<TestVendors, Map<String, String>> settings) {
        this.settings = settings;
    }

    /** The simulators' settings ({@link TestVendors#gatewaySettings()}) and nothing else. */
    public static VendorsAndGateway withDefaults() {
        return new VendorsAndGateway(TestVendors::gatewaySettings);
    }

    /** @param settings the whole gateway configuration, made from the running simulators */
    public static VendorsAndGateway with(Function<TestVendors, Map<String, String>> settings) {
        return new VendorsAndGateway(settings);
    }

    public TestVendors vendors() {
        return vendors;
    }

    public RunningGateway gateway() {
        return gateway;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        vendors = new TestVendors();
        gateway = RunningGateway.start(settings.apply(vendors));
        for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                if (field.getType() == TestVendors.class) {
                    field.setAccessible(true);
                    field.set(null, vendors);
                } else if (field.getType() == RunningGateway.class) {
                    field.setAccessible(true);
                    field.set(null, gateway);
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (gateway != null) {
            gateway.close();
        }
        if (vendors != null) {
            vendors.close();
        }
    }
}
