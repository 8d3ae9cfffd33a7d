package org.peertel.store;

import java.util.Arrays;
import java.util.List;

/**
 * The tables that retention moves out of DuckDB into the Parquet archive, one file per table and day:
 * {@code <archive>/<folder>/day=<YYYY-MM-DD>/data.parquet}. Each is archived as its readable columns (the
 * measurements through the {@code measurements} view: connection ids, prefixes, clients, files and edge PoPs as text,
 * not peertel's internal numbers), without {@code day}, which the folder name gives (Hive partitioning). The per-row
 * tables leave after {@code retention.measurement-days}, the rest of a day after {@code retention.aggregate-days}:
 * the BGP rejects among them, since a day has few (a damaged file ends its reading at the first bad record).
 */
public enum ArchivedTable {
    MEASUREMENTS(Window.MEASUREMENTS, "measurements", "measurement_rows", "file, line", row("connection_id", "prefix")),
    UNATTRIBUTED(Window.MEASUREMENTS, "unattributed", "unattributed", "file, line", row("reason", "prefix")),
    REJECTS(Window.MEASUREMENTS, "rejects", "rejects", "file, line", "file", "line", "reason", "raw"),
    CONNECTION_DAILY(
            Window.AGGREGATES, "connection_daily", "connection_daily", "connection_id", statistics("connection_id")),
    CONNECTION_HOURLY(
            Window.AGGREGATES,
            "connection_hourly",
            "connection_hourly",
            "connection_id, hour",
            statistics("hour", "connection_id")),
    PREFIX_DAILY(
            Window.AGGREGATES,
            "prefix_daily",
            "prefix_daily",
            "connection_id, prefix",
            statistics("connection_id", "prefix")),
    ALERTS(
            Window.AGGREGATES,
            "alerts",
            "alerts",
            "customer_id, connection_id, rule, alert_id",
            "alert_id",
            "customer_id",
            "connection_id",
            "connection_name",
            "rule",
            "severity",
            "observed_ms",
            "threshold_ms",
            "baseline_ms",
            "samples",
            "message",
            "observed_exact",
            "threshold_exact",
            "baseline_exact"),
    ALERT_JUDGEMENTS(
            Window.AGGREGATES, "alert_judgements", "alert_judgements", "connection_id", "connection_id", "rules"),
    DAY_CONNECTIONS(
            Window.AGGREGATES,
            "day_connections",
            "day_connections",
            "connection_id",
            "connection_id",
            "customer_id",
            "connection_name",
            "partner",
            "country",
            "state"),
    INPUT_FILES(Window.AGGREGATES, "input_files", "input_files", "name", "name", "rows", "bytes", "sha256"),
    SKIPPED_FILES(Window.AGGREGATES, "skipped_files", "skipped_files", "name", "name", "reason", "message"),
    PREFIX_EVENTS(
            Window.AGGREGATES,
            "prefix_events",
            "prefix_events",
            "event_id",
            "event_id",
            "customer_id",
            "connection_id",
            "registered_prefix",
            "prefix",
            "event_type",
            "level",
            "start_time",
            "quorum_time",
            "end_time",
            "origin_asn",
            "allowed_origins",
            "peers_max",
            "announcements",
            "example_path",
            "summary"),
    BGP_DAYS(
            Window.AGGREGATES, "bgp_days", "bgp_days", "status", "status", "files", "records", "multicast", "rejected"),
    BGP_FILES(Window.AGGREGATES, "bgp_files", "bgp_files", "name", "name", "bytes", "sha256"),
    BGP_REJECTS(Window.AGGREGATES, "bgp_rejects", "bgp_rejects", "file, byte_offset", "file", "byte_offset", "reason");

    /** Which retention window a table follows. */
    public enum Window {
        /** {@code retention.measurement-days}: the per-row tables. */
        MEASUREMENTS,
        /** {@code retention.aggregate-days}: everything else of a day. */
        AGGREGATES
    }

    private final Window window;
    private final String folder;
    private final String deleteFrom;
    private final String orderBy;
    private final List<String> columns;

    ArchivedTable(Window window, String folder, String deleteFrom, String orderBy, String... columns) {
        this.window = window;
        this.folder = folder;
        this.deleteFrom = deleteFrom;
        this.orderBy = orderBy;
        this.columns = List.of(columns);
    }

    /** A measurement's columns as the per-row tables have them, then {@code last}. */
    private static String[] row(String... last) {
        return concat(new String[] {"file", "line", "ts", "client_ip", "country", "state", "edge_pop", "rtt_ms"}, last);
    }

    /** {@code key}, then the statistics columns every aggregate table has (aggregate-batch.sql). */
    private static String[] statistics(String... key) {
        return concat(
                key,
                new String[] {"samples", "min_ms", "max_ms", "sum_ms", "mean_ms", "median_ms", "p95_ms", "p99_ms"});
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The tables of one window, in order. */
    public static List<ArchivedTable> of(Window window) {
        return Arrays.stream(values()).filter(t -> t.window == window).toList();
    }

    /** The table named {@code folder} (its archive folder, as {@code peertel export --tables} names it), if any. */
    public static java.util.Optional<ArchivedTable> named(String folder) {
        return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
    }

    public Window window() {
        return window;
    }

    /** The archive's folder for this table, and the table (or, for measurements, the view) a reader knows it by. */
    public String folder() {
        return folder;
    }

    /** Where the rows live: the table their day's rows are deleted from once archived. */
    String deleteFrom() {
        return deleteFrom;
    }

    /** The columns of the archive file, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The order of the file's rows: a key unique within a day, so that the file is the same on every run. */
    public String orderBy() {
        return orderBy;
    }

    /** The day's rows (session variable {@code archive_day}) with the archive file's columns, as one query. */
    String rowsOfDay() {
        if (this == MEASUREMENTS) {
            return MeasurementsOfDay.SQL.text();
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + folder + " WHERE day = getvariable('archive_day')";
    }

    /** Loaded once, on first use: the measurements view is too slow for a whole day (archive-measurements.sql). */
    private static final class MeasurementsOfDay {
        static final SqlScript SQL = SqlScript.load("archive-measurements.sql");
    }
}
