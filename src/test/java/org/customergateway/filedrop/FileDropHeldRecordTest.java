package org.customergateway.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customergateway.support.TestCustomers.newId;
import static org.customergateway.syntch.sandbox.SyntchSimulator.POST_CUSTOMERS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.customergateway.simulation.Fault;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the gateway could not handle (FileDrop.couldNotHandle): the same customer twice in one file,
 * the first still at a slow vendor when the second's wait for it (gateway.idempotency.wait-seconds) is
 * over. The second is reported FAILED and kept as a dead letter, a blocking write that runs off the event
 * loop the record's flow is on; the first is created, once.
 */
class FileDropHeldRecordTest {

    @TempDir
    static Path drop;
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
        Map<String, String> settings = FileDropTest.fileDrop(vendors, drop);
        settings.put("gateway.idempotency.wait-seconds", "1");
        settings.put("gateway.http.timeout-ms", "10000");
        return settings;
    });

    @Test
    void a_record_held_past_its_wait_is_reported_failed_and_kept_as_a_dead_letter() throws Exception {
        String id = newId();
        String row = TestCustomers.csvRow(id, "Twice Ltd", "ACTIVE", "1 A St");
        int posts = vendors.syntch.server().requests(POST_CUSTOMERS);
        vendors.syntch.server().inject(POST_CUSTOMERS, Fault.slow(Duration.ofSeconds(4)));

        Path staging = drop.resolve(".twice.csv");
        Files.writeString(staging, TestCustomers.CSV_HEADER + "\n" + row + "\n" + row + "\n");
        Files.move(staging, drop.resolve("inbox/syntch/twice.csv"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/twice.csv")));

        List<String> report = Files.readAllLines(drop.resolve("reports/twice.csv.report.csv"));
        assertThat(report.subList(1, report.size())).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(id).contains(",CREATED,"))
                .anySatisfy(line -> assertThat(line).contains(id).contains(",FAILED,")
                        .contains("could not be handled").contains("(dead letter "));
        assertThat(vendors.syntch.server().requests(POST_CUSTOMERS) - posts).as("created once").isEqualTo(1);
        assertThat(gateway.get("/api/v1/dead-letters?vendor=syntch&size=500").body())
                .contains(id).contains("\"wayIn\":\"filedrop\"");
    }
}
