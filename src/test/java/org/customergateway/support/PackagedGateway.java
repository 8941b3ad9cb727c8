package org.customergateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged jar as a user runs it: {@code java -jar target/customer-gateway.jar} in a working
 * directory of its own, configured by environment variables (and the JVM options a test names), its
 * output in {@code gateway.log} there. The project's {@code routes/} and {@code mappings/} are named by
 * absolute path, unless the working directory has a {@code routes/} of its own: then the jar finds
 * both there by itself, as from a user's installation.
 */
public final class PackagedGateway implements AutoCloseable {

    private final Process process;
    private final Path workDir;
    private final int port;
    private final int managementPort;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PackagedGateway(Process process, Path workDir, int port, int managementPort) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** The environment for {@code prod} against the test's vendors, with {@code apiKey} as the inbound key. */
    public static Map<String, String> prodEnvironment(TestVendors vendors, String apiKey) {
        Map<String, String> env = new HashMap<>();
        vendors.gatewaySettings().forEach((key, value) -> env.put(environmentName(key), value));
        env.put("CAMEL_MAIN_PROFILE", "prod");
        env.put("GATEWAY_AUTH_API_KEYS", apiKey);
        return env;
    }

    public static String environmentName(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /**
     * Starts the jar in {@code workDir}; the HTTP, management, simulator and broker ports are chosen here
     * unless the environment gives them.
     */
    public static PackagedGateway start(Path workDir, Map<String, String> environment, String... jvmOptions) {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/customer-gateway.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar + " (mvn package first)");
        }
        Map<String, String> env = new HashMap<>(environment);
        int port = Integer.parseInt(env.computeIfAbsent("CAMEL_SERVER_PORT", k -> String.valueOf(RunningGateway.freePort())));
        int management = Integer.parseInt(env.computeIfAbsent("CAMEL_MANAGEMENT_PORT",
                k -> String.valueOf(RunningGateway.freePort())));
        if (!Files.isDirectory(workDir.resolve("routes"))) {
            env.putIfAbsent("GATEWAY_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString());
            env.putIfAbsent("GATEWAY_MAPPINGS_DIR", Path.of("mappings").toAbsolutePath().toString());
        }
        env.putIfAbsent("GATEWAY_SANDBOX_SIMPLEPIN_PORT", String.valueOf(RunningGateway.freePort()));
        env.putIfAbsent("GATEWAY_SANDBOX_SYNTCH_PORT", String.valueOf(RunningGateway.freePort()));
        env.putIfAbsent("GATEWAY_ESB_EMBEDDED_BROKER_PORT", String.valueOf(RunningGateway.freePort()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("gateway.log").toFile());
            builder.environment().putAll(env);
            return new PackagedGateway(builder.start(), workDir, port, management);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path workDir() {
        return workDir;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until readiness says UP (every route started, ledger and broker reachable). */
    public PackagedGateway awaitReady(Duration atMost) {
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("exited with " + process.exitValue());
                        }
                        return observe("/observe/health/ready").statusCode() == 200;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("the gateway was not ready after " + atMost
                    + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + ":\n" + log(), e);
        }
        return this;
    }

    public HttpResponse<String> observe(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).GET().build());
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

    public String log() {
        try {
            return Files.readString(workDir.resolve("gateway.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits up to {@code atMost} for the JVM to exit by itself: its exit code, or empty while it still runs. */
    public java.util.OptionalInt awaitExit(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    /** SIGKILL, as a crash. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
