package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.dropCsv;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many calls a vendor gets at once from this instance: never more than
 * gateway.&lt;vendor&gt;.max-concurrent-calls, however many of a file's records are in flight, and of a file's
 * records in flight, gateway.pacing.bulk-calls-per-vendor; the others wait for a place in its lane, and the
 * file ends with every row created.
 */
class VendorConcurrentCallsTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final int ROWS = 150;

    @TempDir
    Path work;

    @Test
    void a_file_never_has_more_calls_at_the_vendor_at_once_than_its_max_concurrent_calls() throws Exception {
        Path drop = startWithAFileDrop(Map.of("gateway.filedrop.parallelism", "16", "gateway.syntch.max-concurrent-calls", "3"));
        dropCsv(drop, "inbox/syntch/narrow.csv", "Narrow", ROWS);

        assertCreatedWhole(drop, "narrow.csv");
        assertThat(SETUP.vendors().syntch.server().mostAtOnce(POST_CUSTOMERS)).as("calls at Syntch at once").isEqualTo(3);
    }

    @Test
    void a_files_records_in_flight_call_a_vendor_bulk_calls_per_vendor_at_a_time() throws Exception {
        // the defaults: 32 records in flight, 8 of them at a vendor at once
        Path drop = startWithAFileDrop(Map.of());
        dropCsv(drop, "inbox/syntch/polite.csv", "Polite", ROWS);

        assertCreatedWhole(drop, "polite.csv");
        assertThat(SETUP.vendors().syntch.server().mostAtOnce(POST_CUSTOMERS)).as("calls at Syntch at once").isEqualTo(8);
    }

    /** A gateway with a file drop under the test's folder, Syntch answering each call 10 ms late. */
    private Path startWithAFileDrop(Map<String, String> more) {
        TestVendors vendors = SETUP.vendors();
        vendors.syntch.server().latency(Duration.ofMillis(10));
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        Path drop = work.resolve("drop");
        settings.put("gateway.filedrop.dir", drop.toString());
        settings.put("gateway.filedrop.settle-ms", "200");
        settings.put("gateway.filedrop.poll-ms", "100");
        settings.putAll(more);
        SETUP.start(settings);
        return drop;
    }

    private static void assertCreatedWhole(Path drop, String file) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/" + file)));
        List<String> rows = Files.readAllLines(drop.resolve("reports/" + file + ".report.csv"));
        assertThat(rows.subList(1, rows.size())).hasSize(ROWS).allMatch(row -> row.contains(",CREATED,"));
        assertThat(SETUP.vendors().syntch.server().requests(POST_CUSTOMERS)).isEqualTo(ROWS);
    }
}
