package org.customergateway.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;

/**
 * The ledger's database: a connection pool on {@code gateway.ledger.url}, its schema created and
 * migrated by Flyway when the gateway starts ({@code db/migration} for every engine, then
 * {@code db/vendor/<engine>}) unless it already has every migration ({@link MigrationHistory}).
 * A new embedded file starts as the one the build made ({@link EmptyLedgerFile}).
 * <p>
 * The embedded default is one SQLite file under {@code ./data/} (chosen by measurement: BENCHMARKS.md),
 * in WAL mode with {@code synchronous=NORMAL}: a commit is in the operating system's hands when it
 * returns, so killing the process at any moment loses no committed record (a power cut may lose the
 * last ones; put the ledger on PostgreSQL where that matters). The file is made with incremental
 * auto-vacuum, so that {@link LedgerRetention} can give back the pages of what it purges.
 * PostgreSQL ({@code jdbc:postgresql://...}) is the ledger several instances share.
 */
public final class LedgerDatabase extends ServiceSupport {

    private static final String SQLITE = "jdbc:sqlite:";

    private final HikariDataSource dataSource;
    private final boolean sqlite;

    public LedgerDatabase(String url, String username, String password, int poolSize) {
        this.sqlite = url.startsWith(SQLITE);
        if (sqlite) {
            prepareSqliteFile(url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (username != null && !username.isBlank()) {
            config.setUsername(username);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        if (sqlite) {
            // per connection: durable against a killed process, and wait for the one writer instead of failing
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            // the driver otherwise matches every statement against a pattern and runs SELECT last_insert_rowid()
            // after each INSERT, for keys the ledger never asks for (its rows are keyed by what it wrote):
            // an eighth of the ledger writer's time, measured (BENCHMARKS.md, session 12)
            config.addDataSourceProperty("jdbc.get_generated_keys", "false");
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("ledger");
        this.dataSource = new HikariDataSource(config);
        if (MigrationHistory.hasApplied(dataSource, LedgerMigrations.VERSIONS)) {
            return;
        }
        LedgerMigrations migrations = new LedgerMigrations(sqlite ? "sqlite" : "postgresql");
        Flyway.configure().dataSource(dataSource)
                .resourceProvider(migrations)
                .javaMigrationClassProvider(migrations)
                .load().migrate();
    }

    /**
     * Makes the folder of a new SQLite file, and the file itself: a copy of the build's empty ledger, or
     * else an empty file in incremental auto-vacuum mode (which SQLite takes only before the first table
     * is made).
     */
    private static void prepareSqliteFile(String url) {
        String path = url.substring(SQLITE.length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the ledger's folder " + parent, e);
        }
        SqliteNativeLibrary.keepInUserCache();
        if (Files.notExists(Path.of(path)) && EmptyLedgerFile.copyTo(Path.of(path))) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            boolean empty;
            try (ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                empty = tables.next() && tables.getInt(1) == 0;
            }
            if (empty) {
                statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
                statement.execute("PRAGMA journal_mode = WAL");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the ledger file " + path + ": " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The embedded SQLite file, rather than a shared server. */
    public boolean isEmbedded() {
        return sqlite;
    }

    @Override
    protected void doStart() {
        // the pool and the schema are ready from the constructor on
    }

    @Override
    protected void doStop() {
        dataSource.close();
    }
}
