package org.peertel.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.peertel.alert.Alert;
import org.peertel.alert.AlertRule;
import org.peertel.alert.JudgedDay;
import org.peertel.alert.Severity;

/**
 * The alerts and alert_judgements tables: a day's alerts and judgements replaced as a whole, in the caller's
 * transaction, and read back as the days the incident lifecycle is computed from.
 */
final class StoredAlerts {

    /** Many rows per statement: one statement per alert cost 0.6 s for the 1,000 NO_DATA alerts of an empty day. */
    private static final int ALERTS_PER_INSERT = 200;

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StoredAlerts() {}

    /** Replaces the day's alerts and judgements and records the day as evaluated. */
    static void replace(Connection connection, JudgedDay day) throws SQLException {
        for (String sql : List.of(
                "DELETE FROM alerts WHERE day = ?",
                "DELETE FROM alert_judgements WHERE day = ?",
                "INSERT OR IGNORE INTO evaluated_days VALUES (?)")) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, day.day());
                statement.execute();
            }
        }
        List<Alert> alerts = day.alerts();
        for (int from = 0; from < alerts.size(); from += ALERTS_PER_INSERT) {
            insert(connection, day.day(), alerts.subList(from, Math.min(alerts.size(), from + ALERTS_PER_INSERT)));
        }
        insertJudgements(connection, day);
    }

    private static void insert(Connection connection, LocalDate day, List<Alert> alerts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alerts (day, alert_id, customer_id, "
                + "connection_id, connection_name, rule, severity, observed_ms, threshold_ms, baseline_ms, samples, "
                + "message, observed_exact, threshold_exact, baseline_exact) VALUES "
                + String.join(", ", Collections.nCopies(alerts.size(), ROW)))) {
            int p = 0;
            for (Alert alert : alerts) {
                insert.setObject(++p, day);
                insert.setString(++p, alert.alertId());
                insert.setString(++p, alert.customerId());
                insert.setString(++p, alert.connectionId());
                insert.setString(++p, alert.connectionName());
                insert.setString(++p, alert.rule().name());
                insert.setString(++p, alert.severity().name());
                insert.setObject(++p, asDouble(alert.observedMs()));
                insert.setObject(++p, asDouble(alert.thresholdMs()));
                insert.setObject(++p, asDouble(alert.baselineMs()));
                insert.setLong(++p, alert.samples());
                insert.setString(++p, alert.message());
                insert.setString(++p, exact(alert.observedMs()));
                insert.setString(++p, exact(alert.thresholdMs()));
                insert.setString(++p, exact(alert.baselineMs()));
            }
            insert.executeUpdate();
        }
    }

    /** One row per connection, from two lists: one statement whatever the size of the registry. */
    private static void insertJudgements(Connection connection, JudgedDay day) throws SQLException {
        if (day.judged() == null || day.judged().isEmpty()) {
            return;
        }
        Map<String, Set<AlertRule>> judged = new TreeMap<>(day.judged());
        Object[] ids = judged.keySet().toArray();
        Object[] rules = judged.values().stream()
                .map(set -> set.stream().sorted().map(Enum::name).collect(Collectors.joining(" ")))
                .toArray();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO alert_judgements SELECT ?, unnest(?::VARCHAR[]), unnest(?::VARCHAR[])")) {
            insert.setObject(1, day.day());
            insert.setArray(2, connection.createArrayOf("VARCHAR", ids));
            insert.setArray(3, connection.createArrayOf("VARCHAR", rules));
            insert.executeUpdate();
        }
    }

    /**
     * Every evaluated day with its alerts (in file order) and the judgements of the connections that ever had an
     * alert (the others cannot have an incident), in date order.
     */
    static List<JudgedDay> readAll(Connection connection) throws SQLException {
        Map<LocalDate, List<Alert>> alerts = new TreeMap<>();
        Map<LocalDate, Map<String, Set<AlertRule>>> judged = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT day FROM evaluated_days")) {
                while (rs.next()) {
                    alerts.put(rs.getObject(1, LocalDate.class), new ArrayList<>());
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT DISTINCT day FROM alert_judgements")) {
                while (rs.next()) {
                    judged.put(rs.getObject(1, LocalDate.class), new HashMap<>());
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT day, connection_id, rules FROM alert_judgements "
                    + "WHERE connection_id IN (SELECT DISTINCT connection_id FROM alerts)")) {
                while (rs.next()) {
                    Set<AlertRule> rules = EnumSet.noneOf(AlertRule.class);
                    for (String rule : rs.getString(3).split(" ")) {
                        rules.add(AlertRule.valueOf(rule));
                    }
                    judged.get(rs.getObject(1, LocalDate.class)).put(rs.getString(2), rules);
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT day, customer_id, connection_id, connection_name, "
                    + "rule, severity, coalesce(observed_exact, observed_ms::VARCHAR), "
                    + "coalesce(threshold_exact, threshold_ms::VARCHAR), coalesce(baseline_exact, baseline_ms::VARCHAR), "
                    + "samples, message FROM alerts")) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    alerts.computeIfAbsent(day, d -> new ArrayList<>())
                            .add(new Alert(
                                    day,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    AlertRule.valueOf(rs.getString(5)),
                                    Severity.valueOf(rs.getString(6)),
                                    decimal(rs.getString(7)),
                                    decimal(rs.getString(8)),
                                    decimal(rs.getString(9)),
                                    rs.getLong(10),
                                    rs.getString(11)));
                }
            }
        }
        List<JudgedDay> days = new ArrayList<>();
        alerts.forEach((day, list) -> {
            list.sort(Alert.FILE_ORDER);
            days.add(new JudgedDay(day, judged.get(day), List.copyOf(list)));
        });
        return days;
    }

    private static Double asDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static String exact(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
