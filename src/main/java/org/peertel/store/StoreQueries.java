package org.peertel.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.peertel.alert.DailyStats;
import org.peertel.ingest.DayManifest;
import org.peertel.ingest.InputFile;

/**
 * The reads that alerts, reports, run summaries and the scheduler's late-data check ({@link #manifest}) need. Each
 * result comes back in its output order.
 */
public final class StoreQueries {

    /** A connection's statistics for one day. */
    public record ConnectionDay(
            String connectionId,
            long samples,
            BigDecimal minMs,
            BigDecimal maxMs,
            BigDecimal sumMs,
            double medianMs,
            double p95Ms,
            double p99Ms) {}

    /** A (connection, matched prefix) pair's statistics for one day. */
    public record PrefixDay(String connectionId, String prefix, long samples, double medianMs, double p95Ms) {}

    /** A connection's statistics for one UTC hour (0-23) of a day. */
    public record ConnectionHour(String connectionId, int hour, long samples, double medianMs, double p95Ms) {}

    /** One rejected row. */
    public record Reject(String file, long line, String reason, String raw) {}

    /** A file left out of the day by --skip-bad-files. */
    public record SkippedFileSummary(String name, String reason, String message) {}

    /** How the day's rows were accounted for, and which files were left out. */
    public record DayCounts(
            long attributed,
            long noPrefix,
            long locationMismatch,
            Map<String, Long> rejected,
            List<InputFile> files,
            List<SkippedFileSummary> skippedFiles) {
        public long rowsRead() {
            return attributed
                    + noPrefix
                    + locationMismatch
                    + rejected.values().stream().mapToLong(Long::longValue).sum();
        }

        /** True when a file of the day was left out: its reports do not cover all of the day's data. */
        public boolean partial() {
            return !skippedFiles.isEmpty();
        }

        /**
         * True when no input file of the day held a data row (no file at all, or only 0-byte, blank or header-only
         * ones) and none was left out: a day without data, processed as such with {@code --allow-empty-day}. Read
         * from the rows the day published, which are the files' rows, so no separate mark is kept.
         */
        public boolean empty() {
            return rowsRead() == 0 && !partial();
        }
    }

    private final Connection connection;

    StoreQueries(Connection connection) {
        this.connection = connection;
    }

    /** DuckDB's value of one of its settings on this connection, e.g. {@code memory_limit} as {@code 1.8 GiB}. */
    public String duckDbSetting(String name) {
        return query("SELECT current_setting(?)", List.of(name), rs -> rs.getString(1))
                .get(0);
    }

    /** Daily statistics of every connection on the days from {@code first} to {@code last}, inclusive. */
    public List<DailyStats> dailyStats(LocalDate first, LocalDate last) {
        return query(
                "SELECT day, connection_id, samples, median_ms, p95_ms FROM connection_daily "
                        + "WHERE day BETWEEN ? AND ? ORDER BY day, connection_id",
                List.of(first, last),
                rs -> new DailyStats(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getDouble(4),
                        rs.getDouble(5)));
    }

    public List<ConnectionDay> connectionDay(LocalDate day) {
        return query(
                "SELECT connection_id, samples, min_ms, max_ms, sum_ms, median_ms, p95_ms, p99_ms "
                        + "FROM connection_daily WHERE day = ? ORDER BY connection_id",
                List.of(day),
                rs -> new ConnectionDay(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getDouble(6),
                        rs.getDouble(7),
                        rs.getDouble(8)));
    }

    public List<PrefixDay> prefixDay(LocalDate day) {
        return query(
                "SELECT connection_id, prefix, samples, median_ms, p95_ms FROM prefix_daily "
                        + "WHERE day = ? ORDER BY connection_id, prefix",
                List.of(day),
                rs -> new PrefixDay(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
    }

    /** The day's hours with at least one sample, by connection then hour. */
    public List<ConnectionHour> connectionHours(LocalDate day) {
        return query(
                "SELECT connection_id, hour, samples, median_ms, p95_ms FROM connection_hourly "
                        + "WHERE day = ? ORDER BY connection_id, hour",
                List.of(day),
                rs -> new ConnectionHour(
                        rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
    }

    /** The days from {@code from} to {@code to} that were published, in order. */
    public List<LocalDate> publishedDays(LocalDate from, LocalDate to) {
        return query(
                "SELECT day FROM day_names WHERE day BETWEEN ? AND ? ORDER BY day",
                List.of(from, to),
                rs -> rs.getObject(1, LocalDate.class));
    }

    /** The newest published day; null when none is. */
    public LocalDate newestPublishedDay() {
        return query("SELECT max(day) FROM day_names", List.of(), rs -> rs.getObject(1, LocalDate.class))
                .get(0);
    }

    /** The published days before {@code first} whose per-row tables DuckDB still holds (not archived), in order. */
    public List<LocalDate> daysHeldBefore(LocalDate first) {
        return query(
                "SELECT day FROM day_names WHERE day < ? AND day NOT IN (SELECT day FROM archived_days) ORDER BY day",
                List.of(first),
                rs -> rs.getObject(1, LocalDate.class));
    }

    /**
     * The evaluated days before {@code first}, whose aggregates, alerts and manifests DuckDB still holds (an archived
     * day leaves evaluated_days), in order.
     */
    public List<LocalDate> evaluatedDaysBefore(LocalDate first) {
        return query(
                "SELECT day FROM evaluated_days WHERE day < ? ORDER BY day",
                List.of(first),
                rs -> rs.getObject(1, LocalDate.class));
    }

    /** The newest day whose aggregates are in the Parquet archive, not in DuckDB; null when none is. */
    public LocalDate newestArchivedAggregateDay() {
        return query(
                        "SELECT max(day) FROM archived_days WHERE table_name = 'alerts'",
                        List.of(),
                        rs -> rs.getObject(1, LocalDate.class))
                .get(0);
    }

    /** Streams the day's rejects in file, line order (there may be many). */
    public void forEachReject(LocalDate day, Consumer<Reject> consumer) {
        String sql = "SELECT file, line, reason, raw FROM rejects WHERE day = ? ORDER BY file, line";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, day);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(new Reject(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("unable to read the rejects of " + day + ": " + e.getMessage(), e);
        }
    }

    /** The day's counts, from DuckDB's rows or, for a day retention archived, from its Parquet files. */
    public DayCounts counts(LocalDate day) {
        Map<String, String> archived = new TreeMap<>();
        query(
                "SELECT table_name, file FROM archived_days WHERE day = ?",
                List.of(day),
                rs -> archived.put(rs.getString(1), rs.getString(2)));
        long attributed = count(rowsOf("measurement_rows", "measurements", archived), day, "");
        long noPrefix = count(rowsOf("unattributed", "unattributed", archived), day, " AND reason = 'no_prefix'");
        long mismatch =
                count(rowsOf("unattributed", "unattributed", archived), day, " AND reason = 'location_mismatch'");
        Map<String, Long> rejected = new TreeMap<>();
        String rejects = rowsOf("rejects", "rejects", archived);
        query(
                "SELECT reason, count(*) FROM " + rejects + " GROUP BY reason",
                rejects.contains("?") ? List.of(day) : List.of(),
                rs -> rejected.put(rs.getString(1), rs.getLong(2)));
        return new DayCounts(
                attributed,
                noPrefix,
                mismatch,
                rejected,
                inputFiles(rowsOf("input_files", "input_files", archived), day),
                skippedFiles(rowsOf("skipped_files", "skipped_files", archived), day));
    }

    /** {@code table WHERE day = ?}, or the archived day's file (whose rows are all of the day), as a FROM clause. */
    private static String rowsOf(String table, String archivedAs, Map<String, String> archived) {
        String file = archived.get(archivedAs);
        return file == null
                ? "(SELECT * FROM " + table + " WHERE day = ?)"
                : "read_parquet('" + file.replace("'", "''") + "', hive_partitioning = false)";
    }

    private long count(String from, LocalDate day, String andWhere) {
        return query(
                        "SELECT count(*) FROM " + from + " WHERE true" + andWhere,
                        from.contains("?") ? List.of(day) : List.of(),
                        rs -> rs.getLong(1))
                .get(0);
    }

    /** The day's input files as last published, by name, skipped files included; empty when it never was. */
    private List<InputFile> inputFiles(LocalDate day) {
        return inputFiles(rowsOf("input_files", "input_files", Map.of()), day);
    }

    /** The input files of {@code from} (a {@link #rowsOf} FROM clause of the day), by name. */
    private List<InputFile> inputFiles(String from, LocalDate day) {
        return query(
                "SELECT name, rows, bytes, sha256 FROM " + from + " ORDER BY name",
                from.contains("?") ? List.of(day) : List.of(),
                rs -> new InputFile(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
    }

    /** The files left out of the day, by name; empty for a complete day. */
    public List<SkippedFileSummary> skippedFiles(LocalDate day) {
        return skippedFiles(rowsOf("skipped_files", "skipped_files", Map.of()), day);
    }

    private List<SkippedFileSummary> skippedFiles(String from, LocalDate day) {
        return query(
                "SELECT name, reason, message FROM " + from + " ORDER BY name",
                from.contains("?") ? List.of(day) : List.of(),
                rs -> new SkippedFileSummary(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** True when the day's alerts were evaluated (the day went through alertStep at least once). */
    public boolean isEvaluated(LocalDate day) {
        return single("SELECT count(*) FROM evaluated_days WHERE day = ?", day) > 0;
    }

    /** The manifest recorded when the day was last published; empty when it never was. */
    public DayManifest manifest(LocalDate day) {
        return new DayManifest(inputFiles(day));
    }

    /** The day's alerts per severity, by severity name (CRITICAL, WARNING); severities without alerts are absent. */
    public Map<String, Long> alertsBySeverity(LocalDate day) {
        Map<String, Long> bySeverity = new TreeMap<>();
        query(
                "SELECT severity, count(*) FROM alerts WHERE day = ? GROUP BY severity",
                List.of(day),
                rs -> bySeverity.put(rs.getString(1), rs.getLong(2)));
        return bySeverity;
    }

    /** Row count of a table for one day (for tests and checks). */
    public long rowsOn(String table, LocalDate day) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return single("SELECT count(*) FROM " + table + " WHERE day = ?", day);
    }

    private long single(String sql, LocalDate day) {
        return query(sql, List.of(day), rs -> rs.getLong(1)).get(0);
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("query failed (" + sql + "): " + e.getMessage(), e);
        }
    }
}
