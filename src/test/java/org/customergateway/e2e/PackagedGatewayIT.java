package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.support.Fixtures;
import org.customergateway.support.PackagedGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as a user starts it ({@code java -jar customer-gateway.jar} from a folder of its
 * own: {@link PackagedGateway}), configured through environment variables and a system property.
 */
class PackagedGatewayIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void the_packaged_jar_translates_a_simplepin_xml_profile_configured_from_the_environment(@TempDir Path work)
            throws Exception {
        // an installation: the jar's routes/ and mappings/ in its working directory, data/ made there
        copyFolder(Path.of("routes"), work.resolve("routes"));
        copyFolder(Path.of("mappings"), work.resolve("mappings"));
        PackagedGateway gateway = PackagedGateway.start(work, Map.of("GATEWAY_SYNTCH_MERCHANT_KEY", "77"),
                "-Dgateway.syntch.default-activation-status=Pending");
        try {
            HttpResponse<String> response = awaitAnswer(gateway, "/api/v1/translate?from=simplepin&to=syntch",
                    Fixtures.bytes("simplepin-request.xml"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Fixtures.CODECS.json().readTree(response.body()).path("body");
            assertThat(body.path("MerchantKey").asInt()).isEqualTo(77);
            assertThat(body.path("ActivationStatus").asText()).isEqualTo("Pending");
            assertThat(body.at("/ShippingAddress/CountryCode").asText()).isEqualTo("CAN");

            // the sandbox's own simulators take the customer at both vendors
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(gateway.uri("/api/v1/customers"))
                    .header("Content-Type", "application/json").header("X-Gateway-Target", "both")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("canonical-customer.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(Fixtures.CODECS.json().readTree(created.body()).path("outcomes"))
                    .extracting(o -> o.path("status").asText()).containsExactly("CREATED", "CREATED");
            // ready once the file drop's consumers have polled their folders (Camel's consumer checks), within a second
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> readinessProbe(gateway.managementPort()) == 0);
        } finally {
            gateway.close();
        }
        assertThat(readinessProbe(gateway.managementPort())).as("the container's HEALTHCHECK command, once stopped")
                .isEqualTo(1);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    /** The Dockerfile's HEALTHCHECK command, run against the packaged jar: its exit code. */
    private static int readinessProbe(int managementPort) throws Exception {
        ProcessBuilder probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("gateway.jar", "target/customer-gateway.jar"), "org.customergateway.ops.ReadinessProbe")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        probe.environment().put("CAMEL_MANAGEMENT_PORT", String.valueOf(managementPort));
        Process running = probe.start();
        assertThat(running.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return running.exitValue();
    }

    @Test
    void the_packaged_jar_writes_json_log_lines_with_the_correlation_id_when_asked(@TempDir Path work) throws Exception {
        Path log = work.resolve("gateway.log");
        PackagedGateway gateway = PackagedGateway.start(work, Map.of("GATEWAY_LOG_FORMAT", "json",
                "XDG_CACHE_HOME", work.resolve("cache").toString()));
        try {
            awaitAnswer(gateway, "/api/v1/translate?from=simplepin&to=syntch", Fixtures.bytes("simplepin-request.xml"));
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(gateway.uri("/api/v1/customers"))
                    .header("Content-Type", "application/json").header("X-Correlation-Id", "json-log-7")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("canonical-customer.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("json-log-7"));
            // SQLite's native library is loaded from the copy kept in the user's cache, not from a new temporary one
            assertThat(Files.readString(Path.of("/proc/" + gateway.process().pid() + "/maps")))
                    .contains(work.resolve("cache").toAbsolutePath() + "/customer-gateway/sqlite-jdbc-");
            assertThat(work.resolve("data").resolve("native")).as("data/ holds only what the gateway remembers")
                    .doesNotExist();
        } finally {
            gateway.close();
        }
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            Fixtures.CODECS.json().readTree(line);
        }
        assertThat(lines).anyMatch(line -> line.contains("\"correlationId\":\"json-log-7\"")
                && line.contains("via http at syntch: CREATED"));
    }

    @Test
    void while_starting_the_api_answers_503_with_retry_after_never_404(@TempDir Path work)
            throws Exception {
        PackagedGateway gateway = PackagedGateway.start(work, Map.of());
        List<String> seen = new java.util.ArrayList<>();
        try {
            HttpRequest create = HttpRequest.newBuilder(gateway.uri("/api/v1/customers"))
                    .header("Content-Type", "application/json").header("X-Gateway-Target", "syntch")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("canonical-customer.json"))).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                // a poll every 20 ms: hammering would starve the gateway's own start on 2 cores
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                HttpResponse<String> response;
                try {
                    response = client.send(create, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notListening) {
                    continue;
                }
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                seen.add(response.statusCode() + " " + contentType + " " + response.headers().firstValue("Retry-After").orElse("-"));
                if (response.statusCode() != 503) {
                    break;
                }
            }
        } finally {
            gateway.close();
        }
        assertThat(seen).as("answers while starting").isNotEmpty();
        assertThat(seen.subList(0, seen.size() - 1)).allMatch(answer -> answer.equals("503 application/problem+json 1"));
        assertThat(seen.get(seen.size() - 1)).startsWith("201 application/json");
    }

    @Test
    void the_packaged_jar_refuses_to_start_on_a_port_in_use_and_exits(@TempDir Path work) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0);
             PackagedGateway gateway = PackagedGateway.start(work,
                     Map.of("CAMEL_SERVER_PORT", String.valueOf(taken.getLocalPort())))) {
            java.util.OptionalInt exit = gateway.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("the JVM exits by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
        }
    }

    @Test
    void the_packaged_jar_refuses_the_prod_profile_without_credentials_and_exits_saying_what_is_missing(@TempDir Path work)
            throws Exception {
        try (PackagedGateway gateway = PackagedGateway.start(work, Map.of("CAMEL_MAIN_PROFILE", "prod"))) {
            java.util.OptionalInt exit = gateway.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("the JVM exits by itself").isPresent();
            assertThat(exit.getAsInt()).isEqualTo(1);
            String said = gateway.log();
            assertThat(said).contains("ERROR [main] GatewayMain - customer-gateway did not start: the prod profile needs real "
                    + "vendors and credentials; missing: gateway.simplepin.base-url");
            assertThat(said).as("one line that says it, no stack trace").doesNotContain("\tat ")
                    .doesNotContain("Exception in thread");
        }
    }

    @Test
    void the_sandbox_says_what_a_person_needs_in_at_most_40_lines_from_launch_to_ready(@TempDir Path work) throws Exception {
        try (PackagedGateway gateway = PackagedGateway.start(work, Map.of())) {
            HttpRequest ready = HttpRequest.newBuilder(gateway.uri("/api/v1/schemas/canonical")).build();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gateway.log().contains("vendors: "));
            List<String> lines = gateway.log().lines().toList();
            assertThat(lines).as(String.join("\n", lines)).hasSizeLessThanOrEqualTo(40);
            String text = String.join("\n", lines);
            assertThat(text).contains("profile sandbox", "API and facades on :" + gateway.port(), "health and metrics on :",
                    "file drop " + work.resolve("data/filedrop").toAbsolutePath(), "queue jms:queue:customers.in",
                    "ledger: jdbc:sqlite:", "simulators");
            assertThat(text).doesNotContain("Exception");
        }
    }

    /**
     * Polls until the gateway has started (its routes answer, not just its port: the HTTP server listens
     * before the routes are added), then sends the request.
     */
    private HttpResponse<String> awaitAnswer(PackagedGateway gateway, String path, byte[] body) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(gateway.uri("/api/v1/schemas/canonical")).build();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        HttpRequest request = HttpRequest.newBuilder(gateway.uri(path))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
