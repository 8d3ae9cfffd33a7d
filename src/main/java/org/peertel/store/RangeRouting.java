package org.peertel.store;

import java.util.List;

/**
 * A connection's prefix events over a range, for one customer.
 *
 * @param daysComputed the days of the range with stored rows for the connection (its events were computed): 0 when
 *                     BGP was not read for it, so that "no event" is not claimed for days nobody looked at
 * @param events       Critical first, then Warning, then Information, each by start time
 */
public record RangeRouting(String connectionId, long daysComputed, List<RangeEvent> events) {

    /** No stored row in the range. */
    public static RangeRouting none(String connectionId) {
        return new RangeRouting(connectionId, 0, List.of());
    }

    public RangeRouting {
        events = List.copyOf(events);
    }

    public long critical() {
        return events.stream().filter(RangeEvent::critical).count();
    }

    public long warning() {
        return events.stream().filter(RangeEvent::warning).count();
    }
}
