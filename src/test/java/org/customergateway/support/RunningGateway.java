package org.customergateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.main.Main;
import org.customergateway.GatewayMain;

/**
 * The gateway as {@code java -jar} starts it (same main, same routes/ and mappings/ folders), in this
 * JVM on a free port, with a real HTTP client in front of it. Tests start it through
 * {@link GatewayExtension}, which stops what they leave running; closing it earlier (a restart) is fine.
 */
public final class RunningGateway implements AutoCloseable {

    private final Main main;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int managementPort;
    private boolean stopped;

    private RunningGateway(Main main, int port, int managementPort) {
        this.main = main;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** GET on the management port ({@code /observe/health}, {@code /observe/metrics}). */
    public HttpResponse<String> observe(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).GET().build());
    }

    /** The port of /observe/health and /observe/metrics. */
    public int managementPort() {
        return managementPort;
    }

    static RunningGateway start(Map<String, String> overrides) {
        return start(overrides, Map.of());
    }

    /** @param beans bound in the registry before the gateway's own, under these names */
    static RunningGateway start(Map<String, String> overrides, Map<String, Object> beans) {
        int port = freePort();
        Main main = GatewayMain.create();
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        int managementPort = freePort();
        main.addOverrideProperty("camel.management.port", String.valueOf(managementPort));
        // the sandbox's simulators would take fixed ports; tests that need vendors bring their own (TestVendors)
        main.addOverrideProperty("gateway.sandbox.simulators", "false");
        // no queue unless the test brings a broker (EsbTest)
        main.addOverrideProperty("gateway.esb.enabled", "false");
        main.addOverrideProperty("gateway.esb.embedded-broker.enabled", "false");
        // a file-drop folder and a ledger of its own, unless the test names them (restarts, several instances)
        main.addOverrideProperty("gateway.filedrop.dir", temp("filedrop").toString());
        main.addOverrideProperty("gateway.ledger.url", "jdbc:sqlite:" + temp("ledger").resolve("ledger.db"));
        overrides.forEach(main::addOverrideProperty);
        if (overrides.containsKey("camel.main.profile")) {
            // the profile picks the profile file, which is read before override properties apply
            main.configure().setProfile(overrides.get("camel.main.profile"));
        }
        beans.forEach(main::bind);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("the gateway did not start", e);
        }
        return new RunningGateway(main, port, managementPort);
    }

    public org.apache.camel.CamelContext context() {
        return main.getCamelContext();
    }

    /**
     * A connection to the gateway's broker as the gateway itself connects: with the rights of a gateway
     * (another instance's), not a client's; only it may read customers.in and customers.dlq.
     */
    public jakarta.jms.Connection brokerConnection() throws jakarta.jms.JMSException {
        jakarta.jms.Connection connection = context()
                .getComponent("jms", org.apache.camel.component.jms.JmsComponent.class)
                .getConfiguration().getConnectionFactory().createConnection();
        connection.start();
        return connection;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        return post(path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the gateway; a second close does nothing. */
    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            main.stop();
        }
    }

    private static java.nio.file.Path temp(String prefix) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                // the system may hand out again a port it handed out a moment ago: two ports asked for before
                // either is bound (a gateway's HTTP port and its broker's) would then be one
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every port {@link #freePort} gave in this test run. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
}
