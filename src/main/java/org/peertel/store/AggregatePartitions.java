package org.peertel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A day's aggregates as remote workers hand them to the manager: for each partition of the day's connections, one
 * Parquet file per aggregate table in the spool ({@link DaySpool#aggregateFile}), written by the worker from its
 * own DuckDB with the publish's own SQL (aggregate-batch.sql) and loaded by the manager's publish transaction. A
 * staging format only: the archive keeps its own layout.
 */
final class AggregatePartitions {

    /** The tables of a day's aggregates, in the order they are written and loaded. */
    static final List<String> TABLES = List.of("connection_daily", "connection_hourly", "prefix_daily");

    private AggregatePartitions() {}

    /**
     * Writes the day's rows of each aggregate table as partition {@code partition}'s files, each under a temporary
     * name first and then renamed: a partition run twice leaves whole files, the second run's.
     */
    static void write(Connection connection, LocalDate day, DaySpool spool, int partition) throws SQLException {
        for (String table : TABLES) {
            Path file = spool.aggregateFile(table, partition);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try {
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                throw new StoreException("unable to prepare " + file + ": " + e.getMessage(), e);
            }
            try (PreparedStatement copy = connection.prepareStatement("COPY (SELECT * FROM " + table
                    + " WHERE day = CAST(? AS DATE)) TO '" + quoted(temporary) + "' (FORMAT parquet)")) {
                copy.setObject(1, day);
                copy.execute();
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new StoreException("unable to rename " + temporary + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Inserts every partition's rows into the aggregate tables, in the caller's transaction.
     *
     * @throws StoreException naming the files missing, when a partition's files are not all there
     */
    static void load(Connection connection, DaySpool spool, int partitions) throws SQLException {
        for (String table : TABLES) {
            List<String> files = new ArrayList<>(partitions);
            List<String> missing = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                Path file = spool.aggregateFile(table, partition);
                (Files.isRegularFile(file) ? files : missing).add(quoted(file));
            }
            if (!missing.isEmpty()) {
                throw new StoreException(
                        "the remote workers' aggregates are incomplete: " + String.join(", ", missing) + " missing",
                        null);
            }
            try (Statement insert = connection.createStatement()) {
                insert.execute(
                        "INSERT INTO " + table + " SELECT * FROM read_parquet(['" + String.join("', '", files) + "'])");
            }
        }
    }

    /** A path inside a single-quoted SQL literal. */
    private static String quoted(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }
}
