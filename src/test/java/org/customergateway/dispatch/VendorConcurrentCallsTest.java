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
 * gateway.&lt;vendor&gt;.max-concurrent-calls: a vendor that takes so many calls at once is never sent more
 * from this instance, however many of a file's records are in flight; the others wait for a place in its
 * lane, and the file ends with every row created.
 */
class VendorConcurrentCallsTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final int ROWS = 150;

    @TempDir
    Path work;

    @Test
    void a_file_never_has_more_calls_at_the_vendor_at_once_than_its_max_concurrent_calls() throws Exception {
        TestVendors vendors = SETUP.vendors();
        vendors.syntch.server().latency(Duration.ofMillis(10));
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        Path drop = work.resolve("drop");
        settings.put("gateway.filedrop.dir", drop.toString());
        settings.put("gateway.filedrop.settle-ms", "200");
        settings.put("gateway.filedrop.poll-ms", "100");
        settings.put("gateway.filedrop.parallelism", "16");
        settings.put("gateway.syntch.max-concurrent-calls", "3");
        SETUP.start(settings);
        dropCsv(drop, "inbox/syntch/narrow.csv", "Narrow", ROWS);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/narrow.csv")));
        List<String> rows = Files.readAllLines(drop.resolve("reports/narrow.csv.report.csv"));
        assertThat(rows.subList(1, rows.size())).hasSize(ROWS).allMatch(row -> row.contains(",CREATED,"));
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS)).isEqualTo(ROWS);
        assertThat(vendors.syntch.server().mostAtOnce(POST_CUSTOMERS)).as("calls at Syntch at once").isEqualTo(3);
    }
}
