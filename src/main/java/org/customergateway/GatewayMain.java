package org.customergateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.customergateway.http.AsyncHttpEngine;
import org.customergateway.http.ContractRoutes;
import org.customergateway.http.GatewayHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the gateway: camel-main, the wiring by area (GatewayConfiguration and the *Wiring classes), routes from {@code routes/}. */
public final class GatewayMain {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

    private GatewayMain() {
    }

    public static void main(String... args) {
        Main main = create();
        EnvironmentOverrides.apply(main, System.getenv());
        int exitCode;
        try {
            exitCode = main.run(args);
        } catch (Exception failed) {
            refusedBy(failed).ifPresentOrElse(
                    refused -> LOG.error("customer-gateway did not start: {}", refused.getMessage()),
                    () -> LOG.error("customer-gateway did not start", failed));
            exitCode = 1;
        }
        // Vert.x (and broker) threads would otherwise keep the JVM alive after a failed start.
        System.exit(exitCode);
    }

    /** The setting at fault, when a start was refused for one (however deep Camel wrapped it). */
    private static Optional<StartRefused> refusedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartRefused refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /**
     * The routes of routes/ that create customers over HTTP: the API's, and each vendor facade's. They start
     * on the request's event loop ({@link AsyncHttpEngine}); a new create route belongs here (the YAML DSL
     * has no route property to say it in the route itself), and CreateStepsTest checks the list.
     */
    public static final Set<String> CREATES = Set.of("customers-http-source", "simplepin-facade-http", "syntch-facade-http");

    /** The configured, not yet started gateway; tests start it the same way. */
    public static Main create() {
        Main main = new Main();
        // the wiring by area: its beans are bound lazily, so the order matters only for what each area
        // starts itself; the start's checks (GatewayConfiguration) come first
        main.configure().addConfiguration(GatewayConfiguration.class);
        main.configure().addConfiguration(LedgerWiring.class);
        main.configure().addConfiguration(VendorWiring.class);
        main.configure().addConfiguration(HttpWiring.class);
        main.configure().addConfiguration(FileDropWiring.class);
        main.configure().addConfiguration(QueueWiring.class);
        main.configure().addConfiguration(OperatorWiring.class);
        // camel-main takes its HTTP server factory from the registry first: ours gates the port until started
        main.bind("gatewayHttpServerFactory", new GatewayHttpServer.Factory());
        // platform-http takes its engine from the registry first: ours runs the routes asynchronously, the
        // creates from the request's event loop (their steps before the ledger's claim only compute)
        main.bind("platform-http-engine", new AsyncHttpEngine(CREATES));
        // the HTTP API is bound from its contract, openapi.yaml
        main.configure().addRoutesBuilder(new ContractRoutes());
        main.addMainListener(new FoldersMustExist());
        main.addMainListener(new RoutesFromDirectory());
        main.addMainListener(new RetriesAsRedeliveries());
        main.addMainListener(new HttpPortMustBeFree());
        return main;
    }

    /**
     * A port already in use stops the start early with the reason (GatewayHttpServer also refuses to
     * go on when its bind fails later, should the port be taken between this probe and the bind).
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
                throw new StartRefused("camel.server.port " + port + " is in use: " + taken.getMessage());
            }
        }
    }

    /**
     * The gateway reads its routes and mapping tables from the working directory (or where
     * gateway.routes-dir and gateway.mappings-dir say): started anywhere else, it says so in one line
     * instead of the stack trace of the first file it could not find.
     */
    private static final class FoldersMustExist extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport main) {
            List<String> missing = new ArrayList<>();
            for (String key : List.of("gateway.routes-dir", "gateway.mappings-dir")) {
                Path folder = Path.of(main.getCamelContext().resolvePropertyPlaceholders("{{" + key + "}}"));
                if (!Files.isDirectory(folder)) {
                    missing.add(key + " (" + folder.toAbsolutePath().normalize() + ")");
                }
            }
            if (!missing.isEmpty()) {
                throw new StartRefused("no such folder: " + String.join(", ", missing) + "; start the gateway from the "
                        + "folder that holds routes/ and mappings/ (the project's root), or name them with "
                        + "GATEWAY_ROUTES_DIR and GATEWAY_MAPPINGS_DIR");
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

    /**
     * {@code gateway.retry.max-attempts} counts attempts (the first included), Camel's redelivery counts
     * the attempts after the first: routes/vendor-retries reads {@code gateway.retry.max-redeliveries} (and
     * {@code gateway.retry.rate-limited-max-redeliveries} for 429s).
     */
    private static final class RetriesAsRedeliveries extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport main) {
            int attempts = Integer.parseInt(main.getCamelContext().resolvePropertyPlaceholders(
                    "{{gateway.retry.max-attempts}}").trim());
            if (attempts < 1) {
                throw new IllegalArgumentException("gateway.retry.max-attempts must be at least 1, not " + attempts);
            }
            main.getCamelContext().getPropertiesComponent().addOverrideProperty("gateway.retry.max-redeliveries",
                    String.valueOf(attempts - 1));
            int rateLimited = Integer.parseInt(main.getCamelContext().resolvePropertyPlaceholders(
                    "{{gateway.retry.rate-limited-max-attempts}}").trim());
            main.getCamelContext().getPropertiesComponent().addOverrideProperty(
                    "gateway.retry.rate-limited-max-redeliveries", String.valueOf(Math.max(0, rateLimited - 1)));
        }
    }
}
