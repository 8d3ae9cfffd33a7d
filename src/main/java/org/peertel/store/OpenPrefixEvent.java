package org.peertel.store;

import java.time.Instant;
import java.time.LocalDate;
import org.peertel.routing.PrefixEvent;

/**
 * A stored Critical or Warning prefix event still so at its day's end ({@code end_time} NULL): an incident open when
 * the day ended.
 *
 * @param origin null when the event has none
 */
public record OpenPrefixEvent(
        LocalDate day,
        String eventId,
        String customerId,
        String connectionId,
        String prefix,
        String eventType,
        String level,
        Instant startTime,
        String origin,
        String summary) {

    /** The incident the event belongs to, built as {@link PrefixEvent#incidentId(String, String, String, String)}. */
    public String incidentId() {
        return PrefixEvent.incidentId(connectionId, eventType, prefix, origin);
    }
}
