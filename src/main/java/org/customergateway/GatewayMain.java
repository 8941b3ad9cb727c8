package org.customergateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/** Starts the gateway: camel-main, the wiring in {@link GatewayConfiguration}, routes from {@code routes/}. */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) throws Exception {
        Main main = create();
        EnvironmentOverrides.apply(main, System.getenv());
        int exitCode = main.run(args);
        // Vert.x (and broker) threads would otherwise keep the JVM alive after a failed start.
        System.exit(exitCode);
    }

    /** The configured, not yet started gateway; tests start it the same way. */
    public static Main create() {
        Main main = new Main();
        main.configure().addConfiguration(GatewayConfiguration.class);
        main.addMainListener(new RoutesFromDirectory());
        main.addMainListener(new HttpPortMustBeFree());
        return main;
    }

    /**
     * Vert.x reports a port already in use only as a warning and Camel starts all the same: a gateway
     * that answers nothing. So the port is tried first, and the start refused when it is taken.
     */
    private static final class HttpPortMustBeFree extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport main) {
            int port = Integer.parseInt(main.getCamelContext().resolvePropertyPlaceholders("{{camel.server.port:8080}}"));
            if (port <= 0) {
                return;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(port));
            } catch (IOException taken) {
                throw new IllegalStateException("camel.server.port " + port + " is in use: " + taken.getMessage());
            }
        }
    }

    /**
     * camel-main does not resolve placeholders in its routes pattern, so the folder named by
     * {@code gateway.routes-dir} is turned into the pattern once the properties are loaded.
     */
    private static final class RoutesFromDirectory extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport main) {
            String dir = main.getCamelContext().resolvePropertyPlaceholders("{{gateway.routes-dir}}");
            main.configure().withRoutesIncludePattern("file:" + dir + "/*.camel.yaml");
        }
    }
}
