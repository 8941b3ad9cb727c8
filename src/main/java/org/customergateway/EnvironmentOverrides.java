package org.customergateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;

/**
 * Lets an environment variable in upper snake case override any key of application.properties
 * ({@code CAMEL_SERVER_PORT} for {@code camel.server.port}). Camel reads such variables for its
 * placeholders, but not for every {@code camel.*} option it binds itself (the HTTP server's port among
 * them), so the gateway hands them to camel-main as overrides. A {@code -Dkey=value} still wins.
 */
public final class EnvironmentOverrides {

    private static final String[] FILES = {"application.properties", "application-sandbox.properties",
            "application-prod.properties"};

    private EnvironmentOverrides() {
    }

    static void apply(Main main, Map<String, String> environment) {
        for (String file : FILES) {
            for (String key : keysOf(file).stringPropertyNames()) {
                String value = environment.get(variableName(key));
                if (value != null && System.getProperty(key) == null) {
                    main.addOverrideProperty(key, value);
                }
            }
        }
    }

    /**
     * A setting read before camel-main has loaded its properties (logging, tracing): the system property
     * {@code key}, else its environment variable; null when neither is set.
     */
    public static String setting(String key) {
        String fromSystem = System.getProperty(key);
        return fromSystem != null ? fromSystem : System.getenv(variableName(key));
    }

    static String variableName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Properties keysOf(String resource) {
        Properties properties = new Properties();
        try (InputStream in = EnvironmentOverrides.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties;
    }
}
