package org.customergateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.customer;
import static org.customergateway.support.TestCustomers.dropCsv;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * A vendor that takes so many calls a second (the simulator's rate limit: a token bucket, 429 with
 * Retry-After: 1 beyond it), with the default retry settings: the gateway paces itself by the 429s alone
 * (no max-rate set), a file ends with every row created, nothing given up and few calls refused, and an
 * HTTP create sent meanwhile is served ahead of the file.
 */
class VendorPacingTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    private static final int ROWS = 300;
    private static final double LIMIT = 40;

    @TempDir
    Path work;

    @Test
    void a_file_for_a_rate_limited_vendor_is_created_whole_with_few_429s_and_http_goes_first() throws Exception {
        TestVendors vendors = SETUP.vendors();
        vendors.syntch.server().limitRate(POST_CUSTOMERS, LIMIT);
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        TestVendors.withUsersRetries(settings);
        Path drop = work.resolve("drop");
        settings.put("gateway.filedrop.dir", drop.toString());
        settings.put("gateway.filedrop.settle-ms", "200");
        settings.put("gateway.filedrop.poll-ms", "100");
        RunningGateway gateway = SETUP.start(settings);
        dropCsv(drop, "inbox/syntch/paced.csv", "Paced", ROWS);

        // while the file runs: HTTP creates, served ahead of it
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> vendors.syntch.customerCount() >= 40);
        List<Long> httpMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            HttpResponse<String> created = gateway.post("/api/v1/customers", "application/json", customer(newId()),
                    Map.of("X-Gateway-Target", "syntch"));
            httpMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(drop.resolve("done/paced.csv")));
        List<String> rows = Files.readAllLines(drop.resolve("reports/paced.csv.report.csv"));
        assertThat(rows.subList(1, rows.size())).hasSize(ROWS).allMatch(row -> row.contains(",CREATED,"));
        JsonNode letters = Fixtures.CODECS.json().readTree(gateway.get("/api/v1/dead-letters?size=500").body());
        assertThat(letters.path("items").size() + letters.path("content").size()).as("dead letters").isZero();

        TestVendors.RateLimited calls = vendors.syntchCreatesRateLimited();
        long refused = calls.refused();
        System.out.printf("pacing: %d calls let through, %d answered 429 (%.1f %%); HTTP creates took %s ms%n",
                calls.allowed(), refused, 100 * calls.refusedShare(), httpMillis);
        assertThat(calls.allowed()).isEqualTo(ROWS + 5);
        assertThat(calls.refusedShare()).as("the share of calls answered 429").isLessThan(0.05);
        // the console's Vendors view shows the lane: paced, and its 429s
        JsonNode syntchView = null;
        for (JsonNode vendor : Fixtures.CODECS.json().readTree(gateway.get("/api/v1/vendors").body()).path("vendors")) {
            if (vendor.path("vendor").asText().equals("syntch")) {
                syntchView = vendor;
            }
        }
        assertThat(syntchView.path("lane").path("rate").asDouble()).isPositive();
        assertThat(syntchView.path("lane").path("rateLimited").asLong()).isEqualTo(refused);
        String metrics = gateway.observe("/observe/metrics").body();
        assertThat(metrics).contains("gateway_vendor_rate_limited_total{vendor=\"syntch\"}")
                .contains("gateway_vendor_lane_rate{vendor=\"syntch\"}");
    }
}
