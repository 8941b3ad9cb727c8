package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.customergateway.support.RunningGateway;
import org.customergateway.support.TestCustomers;
import org.customergateway.support.TestVendors;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md: the embedded ledger grows by at most 1 KB per customer it remembers, counted over everything
 * in its folder (the file, its write-ahead log, anything else kept beside it), after real creates over
 * HTTP at one vendor or at both (a customer at both is one customer: its document is kept once).
 */
class LedgerSizeHttpTest {

    private static final int CUSTOMERS = 150;

    @TempDir
    static Path folder;
    private final TestVendors vendors = SETUP.vendors();
    private final RunningGateway gateway = SETUP.gateway();

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.with(vendors -> {
        Map<String, String> settings = new HashMap<>(vendors.gatewaySettings());
        settings.put("gateway.ledger.url", "jdbc:sqlite:" + folder.resolve("ledger.db"));
        return settings;
    });

    @ParameterizedTest
    @ValueSource(strings = {"syntch", "simplepin", "both"})
    void each_customer_remembered_adds_at_most_a_kilobyte_to_the_ledgers_folder(String target) throws Exception {
        long before = checkpointedSize();

        for (int i = 0; i < CUSTOMERS; i++) {
            assertThat(gateway.post("/api/v1/customers", "application/json", TestCustomers.customer(TestCustomers.newId()),
                    Map.of("X-Gateway-Target", target)).statusCode()).isEqualTo(201);
        }

        long perCustomer = (checkpointedSize() - before) / CUSTOMERS;
        System.out.printf("ledger: %d bytes per customer created at %s%n", perCustomer, target);
        assertThat(perCustomer).as("bytes per customer remembered").isPositive().isLessThanOrEqualTo(1024);
    }

    /** Everything in the ledger's folder, its write-ahead log folded into the file first. */
    private static long checkpointedSize() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("ledger.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
