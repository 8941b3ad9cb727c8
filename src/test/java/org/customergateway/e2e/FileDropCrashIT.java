package org.customergateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.canonical.CanonicalCsv;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import java.util.UUID;
import org.customergateway.support.PackagedGateway;
import org.customergateway.support.Postgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway killed with SIGKILL halfway through a large file, then started again: every
 * valid customer exists exactly once at the vendor, and the report accounts for every row.
 */
class FileDropCrashIT {

    private static final int VALID = 2000;
    private static final int INVALID = 10;

    @TempDir
    Path work;

    /**
     * On the embedded SQLite ledger, on PostgreSQL, and with the writer made to hold every batch for
     * 50 ms (so that the kill lands while it holds one: claims and results waiting, not committed).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql", "sqlite-holding-batches"})
    void a_gateway_killed_mid_file_loses_no_record_and_creates_none_twice(String ledger) throws Exception {
        String schema = "cg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (TestVendors vendors = new TestVendors()) {
            vendors.syntch.server().latency(Duration.ofMillis(15));
            Path drop = work.resolve("drop");
            Map<String, String> env = environment(vendors, drop);
            if (ledger.equals("postgresql")) {
                Postgres.execute("CREATE SCHEMA " + schema);
                env.put("GATEWAY_LEDGER_URL", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
                env.put("GATEWAY_LEDGER_USERNAME", "postgres");
            }
            if (ledger.equals("sqlite-holding-batches")) {
                env.put("GATEWAY_LEDGER_BATCH_LINGER_MICROS", "50000");
            }
            List<String> ids = writeFile(work.resolve(".big.csv"));

            PackagedGateway first = start(env, "first");
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> Files.isDirectory(drop.resolve("inbox/syntch")));
            Files.move(work.resolve(".big.csv"), drop.resolve("inbox/syntch/big.csv"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> vendors.syntch.customerCount() >= 200);
            first.kill();
            assertThat(first.process().isAlive()).isFalse();
            int createdBeforeTheKill = vendors.syntch.customerCount();
            assertThat(createdBeforeTheKill).as("killed mid-file").isLessThan(VALID);

            try (PackagedGateway second = start(env, "second")) {
                Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Files.exists(drop.resolve("done/big.csv")));
            }

            assertThat(vendors.syntch.customerCount()).isEqualTo(VALID);
            assertThat(ids).allMatch(id -> vendors.syntch.customer(id) != null);
            // only what was in flight at the kill may be sent again (and refused by Syntch as a duplicate):
            // at most the pool's 8 threads, its queue of 32 and the reading thread
            assertThat(vendors.syntch.duplicateCreates()).isLessThanOrEqualTo(41);
            List<String> report = Files.readAllLines(drop.resolve("reports/big.csv.report.csv"));
            assertThat(report).hasSize(1 + VALID + INVALID);
            assertThat(report.stream().filter(line -> line.contains(",INVALID,"))).hasSize(INVALID);
            assertThat(report.stream().filter(line -> line.contains(",FAILED,"))).isEmpty();
            // every valid record once, in record order, with its customer id and an outcome that says it exists
            List<String> rows = report.subList(1, report.size());
            assertThat(rows).extracting(line -> Integer.parseInt(line.split(",")[0]))
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, VALID + INVALID).boxed().toList());
            List<String> created = rows.stream().filter(line -> !line.contains(",INVALID,")).toList();
            assertThat(created).allMatch(line -> line.split(",")[3].equals("CREATED") || line.split(",")[3].equals("ALREADY_EXISTS"),
                    "CREATED or ALREADY_EXISTS");
            assertThat(created).extracting(line -> line.split(",")[1]).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            if (ledger.equals("postgresql")) {
                Postgres.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private Map<String, String> environment(TestVendors vendors, Path drop) {
        Map<String, String> env = new HashMap<>();
        vendors.gatewaySettings().forEach((key, value) -> env.put(PackagedGateway.environmentName(key), value));
        env.put("CAMEL_SERVER_PORT", String.valueOf(RunningGateway.freePort()));
        env.put("GATEWAY_LEDGER_URL", "jdbc:sqlite:" + work.resolve("ledger.db").toAbsolutePath());
        env.put("GATEWAY_FILEDROP_DIR", drop.toString());
        env.put("GATEWAY_FILEDROP_SETTLE_MS", "200");
        env.put("GATEWAY_FILEDROP_POLL_MS", "100");
        // no lease or wait settings: a record in flight at the kill is taken over by the restarted gateway
        // because the killed one stopped saying it is alive (after 5 s here instead of 15, to keep CI short)
        env.put("GATEWAY_LEDGER_INSTANCE_TIMEOUT_SECONDS", "5");
        return env;
    }

    /** The packaged jar, in a working directory of its own under the test's (its log: NAME/gateway.log). */
    private PackagedGateway start(Map<String, String> env, String name) {
        return PackagedGateway.start(work.resolve(name), env);
    }

    private static List<String> writeFile(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder(String.join(",", CanonicalCsv.COLUMNS)).append('\n');
        for (int i = 0; i < VALID + INVALID; i++) {
            String id = "CR-" + ProcessHandle.current().pid() + "-" + i;
            boolean valid = i % ((VALID + INVALID) / INVALID) != 7;
            if (valid) {
                ids.add(id);
            }
            csv.append(id).append(",Crash Test ").append(i).append(',').append(valid ? "ACTIVE" : "SLEEPING")
                    .append(",,,,Ada,Lovelace,,,ada@acme.test,,,,,").append(i).append(" Main Street,,,Toronto,ON,M5V 2T6,CAN,,,,,,,\n");
        }
        Files.writeString(file, csv);
        return ids;
    }
}
