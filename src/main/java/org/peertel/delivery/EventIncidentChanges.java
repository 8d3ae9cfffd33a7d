package org.peertel.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.peertel.alert.IncidentChange;
import org.peertel.routing.PrefixEvent;
import org.peertel.store.OpenPrefixEvent;
import org.peertel.store.OutboxChange;

/**
 * The incident changes of a day's Critical and Warning prefix events, as receivers get them: the same JSON fields as
 * the latency changes of {@link IncidentChanges} ({@code rule} = the event type, {@code severity} = CRITICAL or
 * WARNING, no figures, {@code message} = the event's summary), then the event's own. An incident is
 * {@link PrefixEvent#incidentId()}: per event, {@code opened} (or {@code continuing} when the same incident was still
 * open at the previous day's end), and {@code resolved} when the event ended within the day. The n-th event of the
 * same incident in a day (n > 1) has {@code /<n>} after its keys, so keys never collide. Deterministic: the same day
 * gives the same bytes.
 */
public final class EventIncidentChanges {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOLVED = IncidentChange.RESOLVED.label();

    private EventIncidentChanges() {}

    /**
     * @param events     the day's events (every level; Information ones are left out)
     * @param names      connection names by connection id; an id without one is its own name
     * @param openBefore the stored events of the days before that were still so at their day's end
     * @param recorded   what the outbox already holds for the day (an earlier run of it): an event incident it
     *                   told receivers was open and that the day no longer has gets a {@code resolved} change
     */
    public static List<OutboxChange> of(
            LocalDate day,
            List<PrefixEvent> events,
            Map<String, String> names,
            List<OpenPrefixEvent> openBefore,
            List<OutboxChange> recorded) {
        Map<String, Set<LocalDate>> openAtDayEnd = new HashMap<>();
        for (OpenPrefixEvent open : openBefore) {
            openAtDayEnd
                    .computeIfAbsent(open.incidentId(), id -> new HashSet<>())
                    .add(open.day());
        }
        List<OutboxChange> changes = new ArrayList<>();
        Set<String> episodes = new HashSet<>();
        for (PrefixEvent event : events) {
            if (!event.type().isIncident()) {
                continue;
            }
            String incidentId = event.incidentId();
            String episode = episode(event.number());
            episodes.add(incidentId + episode);
            Set<LocalDate> open = openAtDayEnd.getOrDefault(incidentId, Set.of());
            // only the day's first event of an incident can be the one open at the previous day's end
            boolean continuing = event.number() == 1 && open.contains(day.minusDays(1));
            LocalDate openedOn = day;
            while (continuing && open.contains(openedOn.minusDays(1))) {
                openedOn = openedOn.minusDays(1);
            }
            IncidentChange change = continuing ? IncidentChange.CONTINUING : IncidentChange.OPENED;
            changes.add(change(day, event, names, change.label(), episode, openedOn, null));
            if (event.endTime() != null) {
                changes.add(change(day, event, names, RESOLVED, episode, openedOn, day));
            }
        }
        changes.addAll(withdrawn(day, recorded, episodes));
        return changes;
    }

    private static OutboxChange change(
            LocalDate day,
            PrefixEvent event,
            Map<String, String> names,
            String change,
            String episode,
            LocalDate openedOn,
            LocalDate resolvedOn) {
        String incidentId = event.incidentId();
        String key = incidentId + "/" + change + "/" + day + episode;
        String connectionId = event.watch().connectionId();
        ObjectNode json = JSON.createObjectNode();
        json.put("key", key);
        json.put("incident_id", incidentId);
        json.put("change", change);
        json.put("customer_id", event.watch().customerId());
        json.put("connection_id", connectionId);
        json.put("connection_name", names.getOrDefault(connectionId, connectionId));
        json.put("rule", event.type().label());
        json.put("severity", event.type().level().toUpperCase(Locale.ROOT));
        json.putNull("observed_ms");
        json.putNull("threshold_ms");
        json.put("opened_on", openedOn.toString());
        json.put("resolved_on", resolvedOn == null ? null : resolvedOn.toString());
        json.put("message", event.summary());
        json.put("event_id", event.eventId());
        json.put("registered_prefix", event.watch().prefix().toString());
        json.put("prefix", event.prefix().toString());
        json.put("origin_asn", event.origin() == null ? null : event.origin().toString());
        json.put("start_time", text(event.startTime()));
        json.put("end_time", text(event.endTime()));
        json.put("peers_max", event.peersMax());
        return new OutboxChange(key, day, change, json.toString());
    }

    /**
     * The event incidents an earlier run of the day recorded as open (and not resolved) that the day's events no
     * longer hold (late data took a hijack away, the folder is gone): receivers were told they opened, so they are
     * told they are over, with the content they were told and why.
     */
    private static List<OutboxChange> withdrawn(LocalDate day, List<OutboxChange> recorded, Set<String> episodes) {
        Set<String> keys = new HashSet<>();
        recorded.forEach(c -> keys.add(c.key()));
        List<OutboxChange> withdrawn = new ArrayList<>();
        for (OutboxChange old : recorded) {
            JsonNode content = parse(old);
            if (!content.has("event_id") || old.change().equals(RESOLVED)) {
                continue;
            }
            String incidentId = content.get("incident_id").asText();
            String episode = old.key().substring((incidentId + "/" + old.change() + "/" + day).length());
            String key = incidentId + "/" + RESOLVED + "/" + day + episode;
            if (episodes.contains(incidentId + episode) || keys.contains(key)) {
                continue;
            }
            ObjectNode json = (ObjectNode) content.deepCopy();
            json.put("key", key);
            json.put("change", RESOLVED);
            json.put("resolved_on", day.toString());
            json.put(
                    "message",
                    "no longer seen when " + day + " was computed again; was: "
                            + content.get("message").asText());
            withdrawn.add(new OutboxChange(key, day, RESOLVED, json.toString()));
        }
        return withdrawn;
    }

    private static String episode(int number) {
        return number > 1 ? "/" + number : "";
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static JsonNode parse(OutboxChange change) {
        try {
            return JSON.readTree(change.content());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the outbox change " + change.key() + " is not JSON", e);
        }
    }
}
