package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.customergateway.support.PackagedGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/class-data-archive.sh as the README gives it: it writes an archive for the packaged jar, and the
 * jar started on that archive takes its own classes from it and serves.
 */
class ClassDataArchiveIT {

    @TempDir
    Path work;

    @Test
    void the_packaged_jar_starts_on_the_archive_the_script_writes() throws Exception {
        Path archive = work.resolve("gateway.jsa");
        Path scriptLog = work.resolve("script.log");
        ProcessBuilder script = new ProcessBuilder("bash", "bin/class-data-archive.sh", "target/customer-gateway.jar",
                archive.toString()).redirectErrorStream(true).redirectOutput(scriptLog.toFile());
        script.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process writing = script.start();
        assertThat(writing.waitFor(180, TimeUnit.SECONDS)).as("the script ended").isTrue();
        assertThat(writing.exitValue()).as(Files.readString(scriptLog)).isZero();
        assertThat(Files.size(archive)).isPositive();

        Path classes = work.resolve("classes.log");
        // -Xshare:on: the JVM refuses to start when it cannot use the archive
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + archive + " -Xshare:on"
                + " -Xlog:class+load=info:file=" + classes);
        try (PackagedGateway gateway = PackagedGateway.start(work.resolve("gateway"), env)
                .awaitReady(Duration.ofSeconds(60))) {
            assertThat(gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/api/v1/schemas/canonical")).build())
                    .statusCode()).isEqualTo(200);
        }
        assertThat(loadedFromArchive(classes)).as("the gateway's own classes came from the archive")
                .contains("org.customergateway.GatewayMain", "org.customergateway.ledger.LedgerDatabase");
    }

    private static List<String> loadedFromArchive(Path classes) throws IOException {
        try (var lines = Files.lines(classes)) {
            return lines.filter(line -> line.contains("source: shared objects file (top)"))
                    .map(line -> line.replaceAll("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", "").replaceAll(" source:.*", ""))
                    .toList();
        }
    }
}
