package org.peertel.store;

import java.util.List;

/**
 * The per-row tables that retention moves out of DuckDB into the Parquet archive, one file per table and day:
 * {@code <archive>/<folder>/day=<YYYY-MM-DD>/data.parquet}. Each is archived as its readable columns (the
 * measurements through the {@code measurements} view: connection ids, prefixes, clients, files and edge PoPs as text,
 * not peertel's internal numbers), without {@code day}, which the folder name gives (Hive partitioning).
 */
public enum ArchivedTable {
    MEASUREMENTS(
            "measurements",
            "measurement_rows",
            List.of(
                    "file",
                    "line",
                    "ts",
                    "client_ip",
                    "country",
                    "state",
                    "edge_pop",
                    "rtt_ms",
                    "connection_id",
                    "prefix")),
    UNATTRIBUTED(
            "unattributed",
            "unattributed",
            List.of("file", "line", "ts", "client_ip", "country", "state", "edge_pop", "rtt_ms", "reason", "prefix")),
    REJECTS("rejects", "rejects", List.of("file", "line", "reason", "raw"));

    private final String readFrom;
    private final String deleteFrom;
    private final List<String> columns;

    ArchivedTable(String readFrom, String deleteFrom, List<String> columns) {
        this.readFrom = readFrom;
        this.deleteFrom = deleteFrom;
        this.columns = columns;
    }

    /** The archive's folder for this table, and the table or view its rows are read from. */
    public String folder() {
        return readFrom;
    }

    /** Where the rows live: the table their day's rows are deleted from once archived. */
    String deleteFrom() {
        return deleteFrom;
    }

    /** The columns of the archive file, in order (the file's rows are in file, line order). */
    public List<String> columns() {
        return columns;
    }

    /** The day's rows (session variable {@code archive_day}) with the archive file's columns, as one query. */
    String rowsOfDay() {
        if (this == MEASUREMENTS) {
            return MeasurementsOfDay.SQL.text();
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + readFrom + " WHERE day = getvariable('archive_day')";
    }

    /** Loaded once, on first use: the measurements view is too slow for a whole day (archive-measurements.sql). */
    private static final class MeasurementsOfDay {
        static final SqlScript SQL = SqlScript.load("archive-measurements.sql");
    }
}
