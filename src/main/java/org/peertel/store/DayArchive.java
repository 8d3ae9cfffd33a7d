package org.peertel.store;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.peertel.output.AtomicFiles;
import org.peertel.testhook.CrashPoint;

/**
 * One table's rows of one day as a Parquet file of the archive, written so that a file in place is always a
 * verified one: DuckDB's COPY writes a temporary name (a failed COPY can leave a broken file, and COPY refuses a
 * non-empty target folder), the file is read back and its row count and a checksum of its rows compared with the
 * table's, and only then is it synced and renamed into place. A file found in place is trusted only when it
 * verifies the same way.
 */
final class DayArchive {

    static final String FILE = "data.parquet";

    /** A day's rows, summed up: how many, and the sum of DuckDB's hash of each row's columns (order-free). */
    record Fingerprint(long rows, BigInteger hashSum) {}

    private DayArchive() {}

    /** {@code <archive>/<table>/day=<day>/data.parquet}. */
    static Path file(Path archive, ArchivedTable table, LocalDate day) {
        return archive.resolve(table.folder()).resolve("day=" + day).resolve(FILE);
    }

    /**
     * Writes the table's rows of {@code day} to the archive, replacing what was there; returns how many.
     *
     * @throws StoreException naming the file, when it cannot be written or does not read back the same
     */
    static long write(Connection connection, Path archive, ArchivedTable table, LocalDate day) {
        return write(connection, archive, table, day, CrashPoint.RETENTION_BEFORE_RENAME::reach);
    }

    /**
     * The same into another folder of the same layout, for {@code peertel export}: written, read back and verified,
     * then renamed into place.
     */
    static long export(Connection connection, Path folder, ArchivedTable table, LocalDate day) {
        return write(connection, folder, table, day, () -> {});
    }

    /**
     * Copies an archive file that {@code rows} rows were archived in to the same place under {@code folder}, verified
     * by reading the copy back (its row count); returns the rows.
     */
    static long copy(Connection connection, Path file, long rows, Path folder, ArchivedTable table, LocalDate day) {
        Path target = file(folder, table, day);
        Path temporary = target.resolveSibling("." + FILE + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(file, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long copied;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM read_parquet(" + literal(temporary)
                            + ", hive_partitioning = false)")) {
                rs.next();
                copied = rs.getLong(1);
            }
            if (copied != rows) {
                throw new StoreException(
                        "the archive file " + file + " holds " + copied + " rows, not the " + rows + " archived", null);
            }
            AtomicFiles.publish(temporary, target);
            return rows;
        } catch (IOException | SQLException e) {
            deleteQuietly(temporary);
            throw new StoreException("unable to copy " + file + " to " + target + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private static long write(
            Connection connection, Path archive, ArchivedTable table, LocalDate day, Runnable beforeRename) {
        Path target = file(archive, table, day);
        Path temporary = target.resolveSibling("." + FILE + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temporary);
            Fingerprint expected = stage(connection, table, day);
            try (Statement copy = connection.createStatement()) {
                copy.execute("COPY (SELECT * FROM archive_rows ORDER BY " + table.orderBy() + ") TO "
                        + literal(temporary) + " (FORMAT parquet, COMPRESSION zstd)");
            }
            Fingerprint written = ofFile(connection, table, temporary);
            if (!expected.equals(written)) {
                throw new StoreException(
                        "the archive file " + temporary + " does not read back as the " + expected.rows() + " rows of "
                                + table.folder() + " on " + day + " (" + written.rows() + " rows, another checksum); "
                                + "nothing was deleted",
                        null);
            }
            beforeRename.run();
            AtomicFiles.publish(temporary, target);
            return expected.rows();
        } catch (IOException | SQLException e) {
            deleteQuietly(temporary);
            throw new StoreException(
                    "unable to archive " + table.folder() + " of " + day + " to " + target.getParent() + ": "
                            + e.getMessage() + "; nothing was deleted, the next run tries again",
                    e);
        } catch (StoreException e) {
            deleteQuietly(temporary);
            throw e;
        } finally {
            dropStaged(connection);
        }
    }

    /** True when the archive holds the day's rows of the table exactly: a file in place that verifies. */
    static boolean holds(Connection connection, Path archive, ArchivedTable table, LocalDate day) {
        Path file = file(archive, table, day);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return stage(connection, table, day).equals(ofFile(connection, table, file));
        } catch (SQLException | StoreException e) {
            return false; // not Parquet, truncated, other columns: never trusted
        } finally {
            dropStaged(connection);
        }
    }

    /** Frees the staged rows (a day of them can take a few hundred MB). */
    private static void dropStaged(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS archive_rows");
        } catch (SQLException ignored) {
            // the connection is unusable; the caller reports what failed first
        }
    }

    /**
     * The day's rows of the table, with the file's columns, into the temporary table {@code archive_rows} (read once
     * for the COPY and the checksum), and their fingerprint; checks that no row was lost on the way.
     */
    private static Fingerprint stage(Connection connection, ArchivedTable table, LocalDate day) throws SQLException {
        setDay(connection, day);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE archive_rows AS " + table.rowsOfDay());
        }
        Fingerprint staged = fingerprint(connection, table, "archive_rows");
        long stored;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM " + table.deleteFrom() + " WHERE day = getvariable('archive_day')")) {
            rs.next();
            stored = rs.getLong(1);
        }
        if (stored != staged.rows()) {
            throw new StoreException(
                    "reading the " + stored + " rows of " + table.folder() + " on " + day + " for the archive gave "
                            + staged.rows() + "; nothing was archived or deleted",
                    null);
        }
        return staged;
    }

    private static Fingerprint ofFile(Connection connection, ArchivedTable table, Path file) throws SQLException {
        return fingerprint(connection, table, "read_parquet(" + literal(file) + ", hive_partitioning = false)");
    }

    private static Fingerprint fingerprint(Connection connection, ArchivedTable table, String from)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*), coalesce(sum(hash("
                        + String.join(", ", table.columns()) + ")), 0)::VARCHAR FROM " + from)) {
            rs.next();
            return new Fingerprint(rs.getLong(1), new BigInteger(rs.getString(2)));
        }
    }

    private static void setDay(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET VARIABLE archive_day = ?")) {
            set.setObject(1, day);
            set.execute();
        }
    }

    /** A path as an SQL string literal (COPY and read_parquet take no parameter for it). */
    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale hidden .tmp is replaced by the next attempt
        }
    }
}
