package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's migrations are named, not searched for: the names must be the files, and old ledgers must still open. */
class LedgerMigrationsTest {

    private static final Path DB = Path.of("src/main/resources/db");

    @Test
    void the_named_migrations_are_exactly_the_files_in_the_folders() throws IOException {
        assertThat(LedgerMigrations.COMMON).containsExactlyInAnyOrderElementsOf(files(DB.resolve("migration")));
        assertThat(LedgerMigrations.PER_ENGINE).containsExactlyInAnyOrderElementsOf(files(DB.resolve("vendor/sqlite")))
                .containsExactlyInAnyOrderElementsOf(files(DB.resolve("vendor/postgresql")));
    }

    @Test
    void a_ledger_migrated_by_flyways_own_search_opens_unchanged(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("ledger.db");
        // as gateways before the named migrations made it
        Flyway.configure().dataSource(url, "", "")
                .locations("classpath:db/migration", "classpath:db/vendor/sqlite")
                .load().migrate();
        List<String> before = history(url);

        LedgerDatabase ledger = new LedgerDatabase(url, "", "", 2);
        try (Connection connection = ledger.dataSource().getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        } finally {
            ledger.stop();
        }
        assertThat(history(url)).as("nothing applied again, no checksum refused").isEqualTo(before).hasSize(6);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static List<String> history(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = java.sql.DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select version, script, checksum, success from flyway_schema_history order by installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getInt(3) + " " + result.getBoolean(4));
            }
        }
        return rows;
    }
}
