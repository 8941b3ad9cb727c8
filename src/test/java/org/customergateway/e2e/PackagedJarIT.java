package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** What the start depends on in the packaged jar itself, so that a change to the build cannot drop it unseen. */
class PackagedJarIT {

    private final Path jar = Path.of(System.getProperty("gateway.jar", "target/customer-gateway.jar"));

    @Test
    void its_classes_are_stored_so_that_a_start_reads_them_without_inflating() throws Exception {
        try (JarFile packed = new JarFile(jar.toFile())) {
            List<? extends ZipEntry> classes = packed.stream().filter(entry -> entry.getName().endsWith(".class")).toList();
            assertThat(classes).hasSizeGreaterThan(10_000)
                    .allSatisfy(entry -> assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED));
            // everything else stays deflated: the native libraries are most of it
            assertThat(packed.getEntry("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        }
    }

    @Test
    void it_starts_the_gateway_carries_its_empty_ledger_and_logs_through_logback() throws Exception {
        try (JarFile packed = new JarFile(jar.toFile())) {
            Attributes manifest = packed.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Main-Class")).isEqualTo("org.customergateway.GatewayMain");
            assertThat(manifest.getValue("Multi-Release")).isEqualTo("true");
            assertThat(packed.getEntry("ledger/empty-ledger.db")).as("the empty ledger the build made").isNotNull();
            assertThat(new String(packed.getInputStream(packed.getEntry(
                    "META-INF/services/ch.qos.logback.classic.spi.Configurator")).readAllBytes()))
                    .contains("org.customergateway.ops.logging.DefaultLogging");
            assertThat(packed.getEntry("org/apache/logging/log4j/core/LoggerContext.class")).as("no second logging backend").isNull();
        }
    }
}
