package org.peertel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.peertel.routing.EventType;
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

    private static final String OPEN_EVENTS = "SELECT day, event_id, customer_id, connection_id, prefix, event_type, "
            + "level, start_time, origin_asn, summary FROM prefix_events WHERE end_time IS NULL AND ";

    /** The Critical and Warning events of the days before {@code day} that were still so at their day's end. */
    static List<OpenPrefixEvent> openBefore(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OPEN_EVENTS + "day < ? ORDER BY day, event_id")) {
            query.setObject(1, day);
            return open(query);
        }
    }

    /**
     * The Critical and Warning events still so at the end of the newest day whose BGP folder was read: the event
     * incidents open now.
     */
    static List<OpenPrefixEvent> openOfNewestDay(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                OPEN_EVENTS + "day = (SELECT max(day) FROM bgp_days WHERE status = 'read') ORDER BY event_id")) {
            return open(query);
        }
    }

    private static List<OpenPrefixEvent> open(PreparedStatement query) throws SQLException {
        List<OpenPrefixEvent> open = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                if (!EventType.isIncidentLevel(rs.getString(7))) {
                    continue;
                }
                LocalDateTime start = rs.getObject(8, LocalDateTime.class);
                open.add(new OpenPrefixEvent(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        start == null ? null : start.toInstant(ZoneOffset.UTC),
                        rs.getString(9),
                        rs.getString(10)));
            }
        }
        return open;
    }

    /** A TIMESTAMP column holds UTC wall-clock time. */
    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
