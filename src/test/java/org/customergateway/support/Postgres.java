package org.customergateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's PostgreSQL (127.0.0.1:5432, database test, trust auth; .ci/run makes sure it runs). */
public final class Postgres {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private Postgres() {
    }

    public static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
