package org.peertel.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a customer's figures over a range of days, for the range and month reports: exact statistics over every
 * measurement of the days on which the customer owned each connection ({@code day_connections}). Open it once per
 * report run: it makes the temporary table {@code range_owners} of the range, the recorded owners of each day and,
 * for days published before owners were kept, those of the registry given. Days retention moved into the Parquet
 * archive are read from their files ({@link ArchiveUnion}), so the figures do not change when days are archived.
 */
public final class RangeQueries implements AutoCloseable {

    private static final SqlScript FIGURES = SqlScript.load("range-figures.sql");
    private static final SqlScript CONNECTIONS = SqlScript.load("range-connections.sql");
    private static final SqlScript PREFIXES = SqlScript.load("range-prefixes.sql");

    /** A connection's figures over the range, with its name and location on the customer's last day of it. */
    public record RangeConnection(
            String connectionId,
            String name,
            String partner,
            String country,
            String state,
            long samples,
            BigDecimal minMs,
            BigDecimal maxMs,
            BigDecimal sumMs,
            double medianMs,
            double p95Ms,
            double p99Ms,
            long daysWithData,
            long daysWithoutData,
            long alertDays) {}

    /** A day of a connection the customer owned: its samples (0 without data) and, with data, median and p95. */
    public record DayPoint(String connectionId, LocalDate day, long samples, double medianMs, double p95Ms) {}

    /** An alert of one of the customer's connections on a day it owned it. */
    public record RangeAlert(LocalDate day, String connectionId, String rule, String severity, String message) {}

    /** An hour with samples of a connection on the last day of the range. */
    public record HourPoint(String connectionId, int hour, long samples, double medianMs, double p95Ms) {}

    /** A (connection, matched prefix) pair's figures over the range. */
    public record RangePrefix(String connectionId, String prefix, long samples, double medianMs, double p95Ms) {}

    private final Connection connection;
    private final LocalDate from;
    private final LocalDate to;
    /** The customer whose figures the temporary table range_figures holds, or null. */
    private String figuresOf;
    /** Every customer's prefix events of the range, read once with the first customer's ({@link #routing}). */
    private Map<String, Map<String, RangeRouting>> routing;

    /**
     * @param registry the connections to take as owners on the days of the range published without recorded owners
     *                 (by a release from before they were kept); asked for only when there are such days
     */
    RangeQueries(
            Connection connection,
            LocalDate from,
            LocalDate to,
            Function<List<LocalDate>, List<DayConnection>> registry) {
        this.connection = connection;
        this.from = from;
        this.to = to;
        try {
            try (Statement statement = connection.createStatement()) {
                ArchiveUnion.view(connection, "range_day_connections", ArchivedTable.DAY_CONNECTIONS, from, to);
                statement.execute("CREATE OR REPLACE TEMP TABLE range_owners AS SELECT day, connection_id, "
                        + "customer_id, connection_name, partner, country, state FROM range_day_connections");
            }
            ArchiveUnion.view(connection, "range_daily", ArchivedTable.CONNECTION_DAILY, from, to);
            ArchiveUnion.view(connection, "range_hourly", ArchivedTable.CONNECTION_HOURLY, to, to);
            ArchiveUnion.view(connection, "range_alerts", ArchivedTable.ALERTS, from, to);
            ArchiveUnion.view(connection, "range_events", ArchivedTable.PREFIX_EVENTS, from, to);
            List<LocalDate> unowned = daysWithoutOwners();
            if (!unowned.isEmpty()) {
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO range_owners VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (LocalDate day : unowned) {
                        for (DayConnection c : registry.apply(unowned)) {
                            insert.setObject(1, day);
                            insert.setString(2, c.connectionId());
                            insert.setString(3, c.customerId());
                            insert.setString(4, c.name());
                            insert.setString(5, c.partner());
                            insert.setString(6, c.country());
                            insert.setString(7, c.state());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            setVariable("range_from", from);
            setVariable("range_to", to);
            archivedMeasurements();
        } catch (SQLException e) {
            throw new StoreException("unable to read the range " + from + " .. " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * The temporary view {@code archived_measurements}: the measurements of the range's days that retention moved
     * into the Parquet archive, read from their files (day from the folder name), or none.
     */
    private void archivedMeasurements() throws SQLException {
        List<String> files = ArchiveUnion.files(connection, ArchivedTable.MEASUREMENTS, from, to);
        String view = files.isEmpty()
                ? "SELECT NULL::DATE AS day, NULL::VARCHAR AS connection_id, NULL::VARCHAR AS prefix, "
                        + "NULL::DECIMAL(15,6) AS rtt_ms WHERE false"
                : "SELECT day, connection_id, prefix, rtt_ms FROM read_parquet(["
                        + String.join(
                                ", ", files.stream().map(ArchiveUnion::literal).toList())
                        + "], hive_partitioning = true, hive_types = {'day': DATE})";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP VIEW archived_measurements AS " + view);
        }
    }

    /** The published days of the range without recorded owners: published by a release from before they were kept. */
    private List<LocalDate> daysWithoutOwners() throws SQLException {
        return days("SELECT day FROM day_names WHERE day BETWEEN ? AND ? "
                + "AND day NOT IN (SELECT day FROM range_owners) ORDER BY day");
    }

    /** The customers that owned a connection on some day of the range, in order. */
    public List<String> customers() {
        return strings("SELECT DISTINCT customer_id FROM range_owners ORDER BY customer_id");
    }

    /** The customer's connections over the range, by connection id. */
    public List<RangeConnection> connections(String customerId) {
        return rows(
                customerId,
                CONNECTIONS,
                rs -> new RangeConnection(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getDouble(10),
                        rs.getDouble(11),
                        rs.getDouble(12),
                        rs.getLong(13),
                        rs.getLong(14),
                        rs.getLong(15)));
    }

    /** The customer's (connection, matched prefix) pairs with data over the range, by connection id and prefix. */
    public List<RangePrefix> prefixes(String customerId) {
        return rows(customerId, PREFIXES, rs -> {
            Object[] q = (Object[]) rs.getArray(4).getArray();
            return new RangePrefix(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    ((Number) q[0]).doubleValue(),
                    ((Number) q[1]).doubleValue());
        });
    }

    /** Every day of the range the customer owned each connection, by connection then day. */
    public List<DayPoint> dailyPoints(String customerId) {
        return rows(
                "SELECT o.connection_id, o.day, coalesce(c.samples, 0), c.median_ms, c.p95_ms "
                        + "FROM range_owners o LEFT JOIN range_daily c USING (day, connection_id) "
                        + "WHERE o.customer_id = ? ORDER BY o.connection_id, o.day",
                customerId,
                rs -> new DayPoint(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getLong(3),
                        rs.getDouble(4),
                        rs.getDouble(5)));
    }

    /** The alerts of the customer's connections on its days of the range, by day, connection and rule. */
    public List<RangeAlert> alerts(String customerId) {
        return rows(
                "SELECT a.day, a.connection_id, a.rule, a.severity, a.message FROM range_alerts a "
                        + "JOIN range_owners o USING (day, connection_id) "
                        + "WHERE a.customer_id = ? AND o.customer_id = a.customer_id "
                        + "ORDER BY a.day, a.connection_id, a.rule",
                customerId,
                rs -> new RangeAlert(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)));
    }

    /** The hours with samples of the customer's connections on the last day of the range, by connection, hour. */
    public List<HourPoint> lastDayHours(String customerId) {
        return rows(
                "SELECT h.connection_id, h.hour, h.samples, h.median_ms, h.p95_ms FROM range_hourly h "
                        + "JOIN range_owners o USING (day, connection_id) "
                        + "WHERE o.customer_id = ? AND h.day = getvariable('range_to') "
                        + "ORDER BY h.connection_id, h.hour",
                customerId,
                rs -> new HourPoint(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
    }

    /**
     * The prefix events of the customer's connections over the range, by connection id: only connections it owned on
     * some day of the range, only events stored for that customer. A connection without any stored row is absent
     * (take {@link RangeRouting#none}). The events of every customer are read in one query, with the first call.
     */
    public Map<String, RangeRouting> routing(String customerId) {
        if (routing == null) {
            try {
                routing = RangeEventsQuery.read(connection);
            } catch (SQLException e) {
                throw new StoreException(
                        "unable to read the prefix events of " + from + " .. " + to + ": " + e.getMessage(), e);
            }
        }
        return routing.getOrDefault(customerId, Map.of());
    }

    @Override
    public void close() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS range_owners");
            statement.execute("DROP TABLE IF EXISTS range_figures");
            for (String view :
                    List.of("range_day_connections", "range_daily", "range_hourly", "range_alerts", "range_events")) {
                statement.execute("DROP VIEW IF EXISTS " + view);
            }
        } catch (SQLException ignored) {
            // a temporary table: it goes with the connection anyway
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> rows(String customerId, SqlScript query, RowMapper<T> mapper) {
        try {
            try (PreparedStatement set = connection.prepareStatement("SET VARIABLE customer = ?")) {
                set.setString(1, customerId);
                set.execute();
            }
            if (!customerId.equals(figuresOf)) { // one pass over the customer's rows for both levels
                FIGURES.run(connection);
                figuresOf = customerId;
            }
            List<T> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(query.text())) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException(query.name() + " failed for " + customerId + ": " + e.getMessage(), e);
        }
    }

    private <T> List<T> rows(String sql, String customerId, RowMapper<T> mapper) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, customerId);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("query failed for " + customerId + " (" + sql + "): " + e.getMessage(), e);
        }
    }

    private List<String> strings(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new StoreException("query failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private List<LocalDate> days(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            List<LocalDate> days = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
            return days;
        }
    }

    private void setVariable(String name, LocalDate value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET VARIABLE " + name + " = ?")) {
            set.setObject(1, value);
            set.execute();
        }
    }
}
