package org.peertel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the store holds, for {@code peertel storage}: the database file, each table by day, the archive. */
public record StorageFigures(Database database, List<Table> tables, List<Table> archive, List<LocalDate> archivedDays) {

    /** The DuckDB file: its size and blocks (free blocks are reused before the file grows). */
    public record Database(Path file, long fileBytes, long blockSize, long usedBlocks, long freeBlocks) {}

    /**
     * A table's (or the archive's) days and rows; {@code bytes} for a table is its blocks times the block size (blocks
     * it shares with another table count for both), for the archive the files' sizes.
     */
    public record Table(String name, long days, LocalDate oldest, LocalDate newest, long rows, long bytes) {}

    /** The tables with a day column, in the order a reader thinks of them: rows, aggregates, alerts, bookkeeping. */
    static final List<String> TABLES = List.of(
            "measurement_rows",
            "unattributed",
            "rejects",
            "connection_daily",
            "connection_hourly",
            "prefix_daily",
            "alerts",
            "alert_judgements",
            "alert_outbox",
            "evaluated_days",
            "input_files",
            "skipped_files",
            "day_names",
            "day_connections",
            "prefix_events",
            "bgp_days",
            "bgp_files",
            "bgp_rejects");

    static StorageFigures read(Connection connection, Path file) throws SQLException {
        Database database;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT block_size, used_blocks, free_blocks FROM pragma_database_size()")) {
            rs.next();
            database = new Database(file, size(file), rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
        List<Table> tables = new ArrayList<>();
        for (String table : TABLES) {
            tables.add(table(
                    connection,
                    table,
                    "SELECT count(DISTINCT day), min(day), max(day), count(*) FROM " + table,
                    blocks(connection, table) * database.blockSize()));
        }
        List<Table> archive = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT table_name, count(*), min(day), max(day), sum(rows), "
                    + "list(file) FROM archived_days GROUP BY table_name ORDER BY table_name")) {
                while (rs.next()) {
                    long bytes = 0;
                    for (Object path : (Object[]) rs.getArray(6).getArray()) {
                        bytes += size(Path.of(path.toString()));
                    }
                    archive.add(new Table(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class),
                            rs.getLong(5),
                            bytes));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT DISTINCT day FROM archived_days ORDER BY day")) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return new StorageFigures(database, tables, archive, days);
    }

    private static Table table(Connection connection, String name, String sql, long bytes) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return new Table(
                    name,
                    rs.getLong(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class),
                    rs.getLong(4),
                    bytes);
        }
    }

    private static long blocks(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(DISTINCT block_id) FROM pragma_storage_info('"
                        + table + "') WHERE persistent AND block_id >= 0")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a file gone since it was recorded: the listing says 0 bytes rather than failing
        }
    }
}
