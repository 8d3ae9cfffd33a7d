package org.peertel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.peertel.routing.PrefixEvent;

/**
 * The prefix_events table: a day's events replaced as a whole, in the caller's transaction, and the day's month marked
 * as behind ({@code stale_months}).
 */
final class StoredPrefixEvents {

    private StoredPrefixEvents() {}

    static void replace(Connection connection, LocalDate day, List<PrefixEvent> events) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM prefix_events WHERE day = ?")) {
            delete.setObject(1, day);
            delete.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO prefix_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PrefixEvent e : events) {
                insert.setObject(1, day);
                insert.setString(2, e.eventId());
                insert.setString(3, e.watch().customerId());
                insert.setString(4, e.watch().connectionId());
                insert.setString(5, e.watch().prefix().toString());
                insert.setString(6, e.prefix().toString());
                insert.setString(7, e.type().label());
                insert.setString(8, e.type().level());
                insert.setObject(9, utc(e.startTime()));
                insert.setObject(10, utc(e.quorumTime()));
                insert.setObject(11, utc(e.endTime()));
                insert.setString(12, e.origin() == null ? null : e.origin().toString());
                insert.setString(13, e.allowedOrigins());
                insert.setInt(14, e.peersMax());
                insert.setLong(15, e.announcements());
                insert.setString(16, e.examplePath());
                insert.setString(17, e.summary());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // the month's range files show the events: they are behind now, whichever command stored the events
        try (PreparedStatement mark = connection.prepareStatement("INSERT OR IGNORE INTO stale_months VALUES (?)")) {
            mark.setObject(1, day.withDayOfMonth(1));
            mark.execute();
        }
    }

    /** A TIMESTAMP column holds UTC wall-clock time. */
    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
