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

/**
 * The ledger's migrations are named, not searched for: the names must be the files, and old ledgers must
 * still open. A new embedded ledger is the build's empty one; one that misses a migration gets it.
 */
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
        assertThat(history(url)).as("nothing applied again, no checksum refused").isEqualTo(before).hasSize(9);
    }

    @Test
    void a_new_embedded_ledger_is_the_builds_empty_ledger_with_every_migration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/ledger.db");
        String url = "jdbc:sqlite:" + file;

        new LedgerDatabase(url, "", "", 2).stop();

        Path built = Path.of(getClass().getClassLoader().getResource(EmptyLedgerFile.RESOURCE).toURI());
        assertThat(history(url)).as("copied, not migrated again at this start")
                .isEqualTo(history("jdbc:sqlite:" + built)).hasSize(9);
        try (Connection connection = java.sql.DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA auto_vacuum")) {
            assertThat(mode.next() && mode.getInt(1) == 2).as("incremental auto-vacuum, as a new file is made").isTrue();
        }
    }

    @Test
    void a_ledger_a_migration_behind_gets_it_from_flyway(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("ledger.db");
        Flyway.configure().dataSource(url, "", "")
                .locations("classpath:db/migration", "classpath:db/vendor/sqlite")
                .target("7").load().migrate();
        assertThat(history(url)).hasSize(7);
        // a customer remembered at both vendors before V8: its latest document is the one kept
        try (Connection connection = java.sql.DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO customer_record (customer_id, vendor, status, way_in, recorded_at, customer) "
                    + "VALUES ('C-1', 'simplepin', 'CREATED', 'http', 1000, 'older'), ('C-1', 'syntch', 'CREATED', 'http', 2000, 'newer')");
        }

        new LedgerDatabase(url, "", "", 2).stop();

        try (Connection connection = java.sql.DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("SELECT customer_id, customer FROM customer_document")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString("customer")).isEqualTo("newer");
            assertThat(kept.next()).as("one document per customer").isFalse();
        }

        assertThat(history(url)).hasSize(9).last().asString().startsWith("9 V9__customer_tables_without_rowid.sql");
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
                     "select version, script, checksum, success, installed_on from flyway_schema_history order by installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getInt(3) + " " + result.getBoolean(4)
                        + " " + result.getString(5));
            }
        }
        return rows;
    }
}
