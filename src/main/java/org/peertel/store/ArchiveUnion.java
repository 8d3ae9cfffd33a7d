package org.peertel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's rows of a range of days wherever they are: those DuckDB holds and those of the days retention moved into
 * the Parquet archive, read from their files (the day from the folder name), as one temporary view with the table's
 * day and archived columns. Readers over a range (the range and month reports) read these views, so a report gives
 * the same figures before and after its days were archived.
 */
final class ArchiveUnion {

    private ArchiveUnion() {}

    /** Makes (or replaces) the temporary view {@code view} of {@code table}'s rows from {@code from} to {@code to}. */
    static void view(Connection connection, String view, ArchivedTable table, LocalDate from, LocalDate to)
            throws SQLException {
        String columns = String.join(", ", table.columns());
        String held = "SELECT day, " + columns + " FROM " + table.deleteFrom() + " WHERE day BETWEEN DATE '" + from
                + "' AND DATE '" + to + "'";
        List<String> files = files(connection, table, from, to);
        String sql = files.isEmpty()
                ? held
                : held + " UNION ALL BY NAME SELECT day, " + columns + " FROM read_parquet(["
                        + String.join(
                                ", ", files.stream().map(ArchiveUnion::literal).toList())
                        + "], hive_partitioning = true, hive_types = {'day': DATE})";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP VIEW " + view + " AS " + sql);
        }
    }

    /** The archive files of the table's days in the range, by day. */
    static List<String> files(Connection connection, ArchivedTable table, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT file FROM archived_days " + "WHERE table_name = ? AND day BETWEEN ? AND ? ORDER BY day")) {
            query.setString(1, table.folder());
            query.setObject(2, from);
            query.setObject(3, to);
            List<String> files = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    files.add(rs.getString(1));
                }
            }
            return files;
        }
    }

    /** A path as an SQL string literal (read_parquet takes no parameter for its files). */
    static String literal(String path) {
        return "'" + path.replace("'", "''") + "'";
    }
}
