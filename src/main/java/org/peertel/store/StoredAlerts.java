package org.peertel.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.peertel.alert.Alert;

/** The alerts table: a day's alerts replaced as a whole, in the caller's transaction. */
final class StoredAlerts {

    /** Many rows per statement: one statement per alert cost 0.6 s for the 1,000 NO_DATA alerts of an empty day. */
    private static final int ALERTS_PER_INSERT = 200;

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StoredAlerts() {}

    /** Replaces the day's alerts and records the day as evaluated. */
    static void replace(Connection connection, LocalDate day, List<Alert> alerts) throws SQLException {
        for (String sql :
                List.of("DELETE FROM alerts WHERE day = ?", "INSERT OR IGNORE INTO evaluated_days VALUES (?)")) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, day);
                statement.execute();
            }
        }
        for (int from = 0; from < alerts.size(); from += ALERTS_PER_INSERT) {
            insert(connection, day, alerts.subList(from, Math.min(alerts.size(), from + ALERTS_PER_INSERT)));
        }
    }

    private static void insert(Connection connection, LocalDate day, List<Alert> alerts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO alerts VALUES " + String.join(", ", Collections.nCopies(alerts.size(), ROW)))) {
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
            }
            insert.executeUpdate();
        }
    }

    private static Double asDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
