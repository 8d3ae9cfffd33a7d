package org.peertel.store;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectedRow;
import org.peertel.ingest.SkippedFile;

/**
 * Appends a day's rows to the staging tables through DuckDB appenders (the fast path: no SQL per row).
 * The rows between two {@link #flush()} calls form one DuckDB transaction: with auto-commit on, every internal
 * appender flush (each 2,048 rows) would be a commit of its own, which made writing ten times slower.
 * Close it when the day is read.
 */
public final class StagingWriter implements AutoCloseable {

    private static final List<String> DISCARD_FILE = List.of(
            "DELETE FROM staging_measurements WHERE day = ? AND file = ?",
            "DELETE FROM staging_unattributed WHERE day = ? AND file = ?",
            "DELETE FROM staging_rejects WHERE day = ? AND file = ?");

    private final Connection connection;
    private final DuckDBAppender measurements;
    private final DuckDBAppender unattributed;
    private final DuckDBAppender rejects;
    private final DuckDBAppender inputFiles;

    StagingWriter(Connection connection) {
        this.connection = connection;
        try {
            connection.setAutoCommit(false);
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            measurements = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staging_measurements");
            unattributed = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staging_unattributed");
            rejects = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staging_rejects");
            inputFiles = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staging_input_files");
        } catch (SQLException e) {
            throw new StoreException("unable to open the staging tables: " + e.getMessage(), e);
        }
    }

    /** A measurement attributed to {@code connectionId} through {@code prefix}. */
    public void attributed(LocalDate day, Measurement m, String connectionId, String prefix) {
        try {
            measurements.beginRow();
            appendMeasurement(measurements, day, m);
            measurements.append(connectionId).append(prefix).endRow();
        } catch (SQLException e) {
            throw failure("measurement", m.file(), m.line(), e);
        }
    }

    /** A valid measurement that no connection owns; {@code prefix} is null for no_prefix. */
    public void unattributed(LocalDate day, Measurement m, String reason, String prefix) {
        try {
            unattributed.beginRow();
            appendMeasurement(unattributed, day, m);
            unattributed.append(reason);
            if (prefix == null) {
                unattributed.appendNull();
            } else {
                unattributed.append(prefix);
            }
            unattributed.endRow();
        } catch (SQLException e) {
            throw failure("unattributed measurement", m.file(), m.line(), e);
        }
    }

    public void rejected(LocalDate day, RejectedRow row) {
        try {
            rejects.beginRow().append(day).append(row.file()).append(row.line()).append(row.reason().code())
                    .append(row.raw()).endRow();
        } catch (SQLException e) {
            throw failure("rejected row", row.file(), row.line(), e);
        }
    }

    /** One input file of the day with its row count and its SHA-256 from the day's manifest. */
    public void inputFile(LocalDate day, InputFile file, String sha256) {
        try {
            inputFiles.beginRow().append(day).append(file.name()).append(file.rows()).append(file.bytes())
                    .append(sha256).endRow();
        } catch (SQLException e) {
            throw failure("input file summary", file.name(), 0, e);
        }
    }

    /**
     * Leaves a bad file out of the day: forgets every row staged for it (a file can break after some of its rows
     * were read) and records it as skipped. Its manifest entry ({@link #inputFile}) is kept by the caller, so that
     * a later replacement of the file is seen as late data.
     */
    public void skipFile(LocalDate day, SkippedFile file) {
        flushAppenders();
        try (PreparedStatement skipped = connection.prepareStatement(
                "INSERT INTO staging_skipped_files VALUES (?, ?, ?, ?)")) {
            for (String sql : DISCARD_FILE) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setObject(1, day);
                    delete.setString(2, file.name());
                    delete.executeUpdate();
                }
            }
            skipped.setObject(1, day);
            skipped.setString(2, file.name());
            skipped.setString(3, file.reason().code());
            skipped.setString(4, file.message());
            skipped.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("unable to leave " + file.name() + " out of " + day + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records that every row of {@code day} is staged, and commits it with the rows appended since the last
     * flush: only a day with this marker is published ({@link TelemetryStore#publishDay}).
     */
    public void markDayStaged(LocalDate day) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO staging_days VALUES (?)")) {
            insert.setObject(1, day);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("unable to mark " + day + " as staged: " + e.getMessage(), e);
        }
        flush();
    }

    private static void appendMeasurement(DuckDBAppender appender, LocalDate day, Measurement m) throws SQLException {
        appender.append(day).append(m.file()).append(m.line())
                .append(LocalDateTime.ofInstant(m.timestamp(), ZoneOffset.UTC))
                .append(m.clientIp().toString()).append(m.country()).append(m.state()).append(m.edgePop())
                .appendDecimal(m.rttMs().setScale(6, RoundingMode.HALF_UP).unscaledValue().longValueExact());
    }

    /** Commits everything appended so far to the staging tables. */
    public void flush() {
        flushAppenders();
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("unable to flush the staging tables: " + e.getMessage(), e);
        }
    }

    /** Hands the appended rows to the transaction, so that SQL statements see them. */
    private void flushAppenders() {
        try {
            measurements.flush();
            unattributed.flush();
            rejects.flush();
            inputFiles.flush();
        } catch (SQLException e) {
            throw new StoreException("unable to flush the staging tables: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (measurements; unattributed; rejects; inputFiles) {
            flush();
        } catch (SQLException e) {
            throw new StoreException("unable to close the staging tables: " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is unusable; its next use reports it
            }
        }
    }

    private static StoreException failure(String what, String file, long line, SQLException e) {
        return new StoreException("unable to stage the " + what + " of " + file + ":" + line + ": "
                + e.getMessage(), e);
    }
}
