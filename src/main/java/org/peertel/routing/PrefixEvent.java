package org.peertel.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.peertel.prefix.Prefix;

/**
 * One row of {@code events/<date>.csv}: an incident of one state for one connection's registered prefix, from the
 * first update that put a peer in that state to the update after which no peer was left in it.
 *
 * @param prefix        the announced prefix (the registered one, or a more-specific of it)
 * @param quorumTime    when enough peers were in the state at once ({@link EventSettings})
 * @param endTime       null when still so at the day's end
 * @param origin        the offending origin (hijacks), the allowed one seen first (announcements), else null
 * @param peersMax      the most peers in the state at once (withdrawal: the peers that held the prefix before it
 *                      fell; active path: the peers holding it at the day's end)
 * @param announcements the announcements that put or kept peers in the state (withdrawal: the withdrawals)
 * @param number        1 for the first incident of the same connection, type, prefix and origin on the day, then 2..
 */
public record PrefixEvent(
        LocalDate date,
        Watch watch,
        Prefix prefix,
        EventType type,
        Instant startTime,
        Instant quorumTime,
        Instant endTime,
        Origin origin,
        int peersMax,
        long announcements,
        String examplePath,
        String summary,
        int number) {

    /** {@code <date>/<connection_id>/<event_type>/<prefix>/<origin or ->/<n>}: stable across re-runs of the day. */
    public String eventId() {
        return date + "/" + incidentId() + "/" + number;
    }

    /** The incident receivers are told about ({@link #incidentId(String, String, String, String)}). */
    public String incidentId() {
        return incidentId(
                watch.connectionId(), type.label(), prefix.toString(), origin == null ? null : origin.toString());
    }

    /**
     * {@code <connection_id>/<event_type>/<prefix>/<origin or ->}: what makes events of several days one incident for
     * the alert receivers; the one place it is built (stored rows are read back through it).
     *
     * @param origin null when the event has none
     */
    public static String incidentId(String connectionId, String eventType, String prefix, String origin) {
        return connectionId + "/" + eventType + "/" + prefix + "/" + (origin == null ? "-" : origin);
    }

    /** The allowed origins, space-separated, as the registry gives them. */
    public String allowedOrigins() {
        return allowedText(watch.allowedOrigins());
    }

    static String allowedText(List<Long> origins) {
        return origins.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
