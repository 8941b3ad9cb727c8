package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.dropCsv;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.support.Fixtures;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many calls a vendor gets at once from this instance: never more than
 * gateway.&lt;vendor&gt;.max-concurrent-calls, however many of a file's records are in flight, and of a file's
 * records in flight, gateway.pacing.bulk-calls-per-vendor to begin with, opening up to
 * gateway.pacing.max-bulk-calls-per-vendor while the vendor answers them all; the others wait for a place in
 * its lane, and the file ends with every row created.
 */
class VendorConcurrentCallsTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final int ROWS = 150;

    @TempDir
    Path work;

    private RunningGateway gateway;

    @Test
    void a_file_never_has_more_calls_at_the_vendor_at_once_than_its_max_concurrent_calls() throws Exception {
        Path drop = startWithAFileDrop(Map.of("gateway.filedrop.parallelism", "16", "gateway.syntch.max-concurrent-calls", "3"));
        dropCsv(drop, "inbox/syntch/narrow.csv", "Narrow", ROWS);

        assertCreatedWhole(drop, "narrow.csv", ROWS);
        assertThat(SETUP.vendors().syntch.server().mostAtOnce(POST_CUSTOMERS)).as("calls at Syntch at once").isEqualTo(3);
    }

    @Test
    void a_files_records_in_flight_call_a_vendor_bulk_calls_per_vendor_at_a_time() throws Exception {
        // 32 records in flight, 8 of them at a vendor at once, places that do not open up
        Path drop = startWithAFileDrop(Map.of("gateway.pacing.max-bulk-calls-per-vendor", "8"));
        dropCsv(drop, "inbox/syntch/polite.csv", "Polite", ROWS);

        assertCreatedWhole(drop, "polite.csv", ROWS);
        assertThat(SETUP.vendors().syntch.server().mostAtOnce(POST_CUSTOMERS)).as("calls at Syntch at once").isEqualTo(8);
    }

    @Test
    void a_slow_vendor_that_answers_every_call_gets_more_of_a_files_calls_at_once_a_second_at_a_time() throws Exception {
        // the defaults (8 places to begin with, up to 32), Syntch answering in 100 ms: 8 places make 80 calls
        // a second, so 250 rows take more than 2.5 s, and the places open up once a second after the first
        int rows = 250;
        Path drop = startWithAFileDrop(Map.of(), Duration.ofMillis(100));
        dropCsv(drop, "inbox/syntch/slow.csv", "Slow", rows);

        assertCreatedWhole(drop, "slow.csv", rows);
        assertThat(SETUP.vendors().syntch.server().mostAtOnce(POST_CUSTOMERS)).as("calls at Syntch at once")
                .isGreaterThan(8).isLessThanOrEqualTo(32);
        JsonNode syntch = null;
        for (JsonNode vendor : Fixtures.CODECS.json().readTree(gateway.get("/api/v1/vendors").body()).path("vendors")) {
            if (vendor.path("vendor").asText().equals("syntch")) {
                syntch = vendor;
            }
        }
        assertThat(syntch.path("lane").path("bulkCalls").asInt()).as("the console's view of the lane").isGreaterThan(8);
        assertThat(gateway.observe("/observe/metrics").body())
                .containsPattern("gateway_vendor_lane_bulk_calls\\{vendor=\"syntch\"\\} (9|[1-3][0-9])\\.0");
    }

    /** A gateway with a file drop under the test's folder, Syntch answering each call 10 ms late. */
    private Path startWithAFileDrop(Map<String, String> more) {
        return startWithAFileDrop(more, Duration.ofMillis(10));
    }

    /** A gateway with a file drop under the test's folder, Syntch answering each call so late. */
    private Path startWithAFileDrop(Map<String, String> more, Duration latency) {
        TestVendors vendors = SETUP.vendors();
        vendors.syntch.server().latency(latency);
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        Path drop = work.resolve("drop");
        settings.put("gateway.filedrop.dir", drop.toString());
        settings.put("gateway.filedrop.settle-ms", "200");
        settings.put("gateway.filedrop.poll-ms", "100");
        settings.putAll(more);
        gateway = SETUP.start(settings);
        return drop;
    }

    private static void assertCreatedWhole(Path drop, String file, int count) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/" + file)));
        List<String> rows = Files.readAllLines(drop.resolve("reports/" + file + ".report.csv"));
        assertThat(rows.subList(1, rows.size())).hasSize(count).allMatch(row -> row.contains(",CREATED,"));
        assertThat(SETUP.vendors().syntch.server().requests(POST_CUSTOMERS)).isEqualTo(count);
    }
}
