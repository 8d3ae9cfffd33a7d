package org.peertel.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the prefix events of a range for every customer at once ({@code range-events.sql}, on the temporary table
 * {@code range_owners} and the view {@code range_events} that {@link RangeQueries} makes).
 */
final class RangeEventsQuery {

    private static final SqlScript EVENTS = SqlScript.load("range-events.sql");

    private RangeEventsQuery() {}

    /** Per customer, per connection id (in order): its routing over the range. */
    static Map<String, Map<String, RangeRouting>> read(Connection connection) throws SQLException {
        Map<String, Map<String, List<RangeEvent>>> events = new LinkedHashMap<>();
        Map<String, Map<String, Long>> days = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(EVENTS.text())) {
            while (rs.next()) {
                String customerId = rs.getString(1);
                String connectionId = rs.getString(2);
                days.computeIfAbsent(customerId, k -> new LinkedHashMap<>()).put(connectionId, rs.getLong(3));
                List<RangeEvent> list = events.computeIfAbsent(customerId, k -> new LinkedHashMap<>())
                        .computeIfAbsent(connectionId, k -> new ArrayList<>());
                LocalDate day = rs.getObject(4, LocalDate.class);
                if (day != null) { // null: a connection with computed days and no event
                    list.add(new RangeEvent(
                            connectionId,
                            day,
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            utc(rs.getObject(9, LocalDateTime.class)),
                            utc(rs.getObject(10, LocalDateTime.class)),
                            rs.getInt(11),
                            rs.getString(12)));
                }
            }
        }
        Map<String, Map<String, RangeRouting>> routing = new LinkedHashMap<>();
        days.forEach((customerId, byConnection) -> byConnection.forEach((connectionId, computed) ->
                routing.computeIfAbsent(customerId, k -> new LinkedHashMap<>())
                        .put(
                                connectionId,
                                new RangeRouting(
                                        connectionId,
                                        computed,
                                        events.get(customerId).get(connectionId)))));
        return routing;
    }

    /** A TIMESTAMP column holds UTC wall-clock time. */
    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
