package org.customergateway.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;

/**
 * The ledger's database: a connection pool on {@code gateway.ledger.url} (H2 in a file by default,
 * PostgreSQL to share it between instances), its schema created and migrated by Flyway from
 * {@code db/migration} when the gateway starts.
 */
public final class LedgerDatabase extends ServiceSupport {

    private final HikariDataSource dataSource;

    public LedgerDatabase(String url, String username, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (username != null && !username.isBlank()) {
            config.setUsername(username);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("ledger");
        this.dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        if (url.startsWith("jdbc:h2:file:")) {
            writeEachCommit();
        }
    }

    /**
     * H2 writes commits to its file in the background, up to a second late by default: a gateway killed
     * in that second would forget what it already sent. The ledger exists to remember exactly that.
     */
    private void writeEachCommit() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the H2 ledger write each commit", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
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
