package org.peertel.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored prefix event of one of a customer's connections in a range, as the range and month reports show it (not
 * the daily {@code PrefixActivePath} rows). The texts are as the route collectors' data made them: escape them.
 *
 * @param level     Critical, Warning or Information
 * @param origin    the offending or first allowed origin, or null
 * @param startTime null only for rows without one
 * @param endTime   null when still so at its day's end
 */
public record RangeEvent(
        String connectionId,
        LocalDate day,
        String eventType,
        String level,
        String prefix,
        String origin,
        Instant startTime,
        Instant endTime,
        int peersMax,
        String summary) {

    public static final String CRITICAL = "Critical";
    public static final String WARNING = "Warning";

    public boolean critical() {
        return CRITICAL.equals(level);
    }

    public boolean warning() {
        return WARNING.equals(level);
    }
}
