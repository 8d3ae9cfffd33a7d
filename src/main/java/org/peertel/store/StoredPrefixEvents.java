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

    private static final java.time.format.DateTimeFormatter MICROSECONDS =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private StoredPrefixEvents() {}

    static void replace(Connection connection, LocalDate day, List<PrefixEvent> events) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM prefix_events WHERE day = ?")) {
            delete.setObject(1, day);
            delete.execute();
        }
        if (!events.isEmpty()) {
            insert(connection, day, events);
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

    /**
     * One statement for the whole day: a column's values as one array parameter, unnested side by side. A batch of
     * row inserts ran row by row in DuckDB, minutes for the 180,000 events of a collector's day.
     */
    private static void insert(Connection connection, LocalDate day, List<PrefixEvent> events) throws SQLException {
        int n = events.size();
        String[][] text = new String[14][n];
        Object[] peers = new Object[n];
        Object[] announcements = new Object[n];
        for (int r = 0; r < n; r++) {
            PrefixEvent e = events.get(r);
            String[] row = {
                e.eventId(),
                e.watch().customerId(),
                e.watch().connectionId(),
                e.watch().prefix().toString(),
                e.prefix().toString(),
                e.type().label(),
                e.type().level(),
                timestamp(e.startTime()),
                timestamp(e.quorumTime()),
                timestamp(e.endTime()),
                e.origin() == null ? null : e.origin().toString(),
                e.allowedOrigins(),
                e.examplePath(),
                e.summary()
            };
            for (int c = 0; c < row.length; c++) {
                text[c][r] = row[c];
            }
            peers[r] = e.peersMax();
            announcements[r] = e.announcements();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO prefix_events SELECT ?::DATE, "
                + "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                + "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                + "unnest(?::TIMESTAMP[]), unnest(?::TIMESTAMP[]), unnest(?::TIMESTAMP[]), "
                + "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::BIGINT[]), "
                + "unnest(?::VARCHAR[]), unnest(?::VARCHAR[])")) {
            insert.setObject(1, day);
            int p = 2;
            for (int c = 0; c < 12; c++) {
                insert.setArray(p++, connection.createArrayOf("VARCHAR", text[c]));
            }
            insert.setArray(p++, connection.createArrayOf("INTEGER", peers));
            insert.setArray(p++, connection.createArrayOf("BIGINT", announcements));
            insert.setArray(p++, connection.createArrayOf("VARCHAR", text[12]));
            insert.setArray(p, connection.createArrayOf("VARCHAR", text[13]));
            insert.execute();
        }
    }

    /** A TIMESTAMP value as text, UTC wall-clock time; null for none. */
    private static String timestamp(Instant instant) {
        return instant == null ? null : MICROSECONDS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
