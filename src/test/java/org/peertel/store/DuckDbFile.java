package org.peertel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A DuckDB file as tests read and prepare it, each call on a connection of its own (the store must be closed). */
public final class DuckDbFile {

    private DuckDbFile() {}

    /** The rows of {@code sql}, each as its values' texts joined by {@code |} (NULL as {@code null}). */
    public static List<String> rows(Path db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(rs.getString(c));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** Runs the statements in order, each on its own (auto-commit). */
    public static void execute(Path db, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
