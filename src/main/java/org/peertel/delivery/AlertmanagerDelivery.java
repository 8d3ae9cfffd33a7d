package org.peertel.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.peertel.alert.Incident;
import org.peertel.alert.Lifecycle;
import org.peertel.output.Millis;
import org.peertel.store.OpenPrefixEvent;
import org.peertel.store.OutboxChange;
import org.peertel.store.PendingChange;
import org.peertel.store.TelemetryStore;

/**
 * Tells Prometheus Alertmanager (API v2, {@code POST /api/v2/alerts}) what is open, in one post per run.
 * Alertmanager resolves an alert by itself once its {@code endsAt} passes, and a batch job posts once a night: so
 * every run posts each open incident again with {@code endsAt} = now + the hold, and each incident resolved since the
 * last acknowledged post once more with {@code endsAt} = the time the run found it resolved. An alert is identified
 * by its labels ({@code alertname} = the rule, {@code connection_id}, {@code customer_id}, {@code source=peertel}),
 * not by the severity, so that an escalation stays one alert; severity, message and figures are annotations.
 * Event incidents ({@link EventIncidentChanges}) are posted the same way, with {@code alertname} = the event type
 * and the labels {@code prefix} and {@code origin_asn} besides (two hijacked prefixes are two alerts): those still so
 * at the end of the newest day with BGP, and those resolved since the last acknowledged post.
 * The job's own health goes the same way ({@link DayOutcome}): {@code PEERTEL_RUN_FAILED} per failed day and
 * {@code PEERTEL_DAY_MISSING} per due day without input, resolved when the day completes.
 */
final class AlertmanagerDelivery {

    static final String RECEIVER = "alertmanager";
    static final String RUN_FAILED = "PEERTEL_RUN_FAILED";
    static final String DAY_MISSING = "PEERTEL_DAY_MISSING";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertmanagerDelivery() {}

    static DeliveryReport deliver(
            TelemetryStore store, DeliverySettings settings, List<DayOutcome> outcomes, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        List<Incident> incidents = Lifecycle.of(store.judgedDays()).open();
        List<OpenPrefixEvent> events = store.openPrefixEvents();
        List<PendingChange> resolved = store.pendingChanges(RECEIVER, true);
        ArrayNode alerts = JSON.createArrayNode();
        // the labels of what is open: Alertmanager's identity of an alert
        Set<String> openNow = new HashSet<>();
        for (Incident incident : incidents) {
            alerts.add(incidentAlert(incident, at.plus(settings.hold())));
        }
        for (OpenPrefixEvent event : events) {
            alerts.add(eventAlert(event, at.plus(settings.hold())));
        }
        alerts.forEach(alert -> openNow.add(alert.get("labels").toString()));
        for (PendingChange change : resolved) {
            ObjectNode alert =
                    resolvedAlert(parse(change.change()), change.recordedAt().truncatedTo(ChronoUnit.SECONDS));
            // the same labels open again: the open incident's post says it all
            if (!openNow.contains(alert.get("labels").toString())) {
                alerts.add(alert);
            }
        }
        int open = incidents.size() + events.size();
        for (DayOutcome outcome : outcomes) {
            healthAlerts(outcome, at, settings).forEach(alerts::add);
        }
        String where = DeliverySettings.printable(settings.alertmanager());
        List<OutboxChange> changes =
                resolved.stream().map(PendingChange::change).toList();
        if (alerts.isEmpty()) {
            return new DeliveryReport(
                    0, store.refusedChanges(RECEIVER), List.of("alertmanager " + where + ": nothing open"));
        }
        Answer answer = new HttpPoster(settings.timeout(), settings.retries())
                .post(alertsUri(settings.alertmanager()), alerts.toString(), Map.of());
        List<String> lines = new ArrayList<>();
        long pending = 0;
        switch (answer.kind()) {
            case ACKNOWLEDGED -> {
                if (!changes.isEmpty()) {
                    store.acknowledge(RECEIVER, changes, true, null);
                }
                lines.add("alertmanager " + where + ": " + open + " open, " + changes.size() + " resolved, "
                        + outcomes.size() + (outcomes.size() == 1 ? " day's state" : " days' states") + " posted");
            }
            case REFUSED -> {
                if (!changes.isEmpty()) {
                    store.acknowledge(RECEIVER, changes, false, answer.text());
                }
                lines.add("alertmanager " + where + " refused the post: " + answer.text());
            }
            case UNAVAILABLE -> {
                pending = open + changes.size();
                lines.add("alertmanager " + where + ": " + answer.text() + "; the next run posts again");
            }
        }
        return new DeliveryReport(pending, store.refusedChanges(RECEIVER), lines);
    }

    private static ObjectNode incidentAlert(Incident incident, Instant endsAt) {
        ObjectNode alert = alert(
                incident.lastAlert().rule().name(),
                incident.lastAlert().connectionId(),
                incident.lastAlert().customerId(),
                incident.openedOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                endsAt);
        ObjectNode annotations = (ObjectNode) alert.get("annotations");
        annotations.put("incident_id", incident.incidentId());
        annotations.put("severity", incident.lastAlert().severity().name());
        annotations.put("connection_name", incident.lastAlert().connectionName());
        annotations.put("message", incident.lastAlert().message());
        annotations.put("observed_ms", Millis.format(incident.lastAlert().observedMs()));
        annotations.put("threshold_ms", Millis.format(incident.lastAlert().thresholdMs()));
        annotations.put("last_day", incident.lastAlert().date().toString());
        return alert;
    }

    private static ObjectNode eventAlert(OpenPrefixEvent event, Instant endsAt) {
        ObjectNode alert =
                alert(event.eventType(), event.connectionId(), event.customerId(), event.startTime(), endsAt);
        eventLabels(alert, event.prefix(), event.origin());
        ObjectNode annotations = (ObjectNode) alert.get("annotations");
        annotations.put("incident_id", event.incidentId());
        annotations.put("severity", event.level().toUpperCase(Locale.ROOT));
        annotations.put("message", event.summary());
        annotations.put("event_id", event.eventId());
        annotations.put("start_time", event.startTime().toString());
        return alert;
    }

    /** A resolved change of the outbox, a latency incident's or an event incident's (it has an event_id). */
    private static ObjectNode resolvedAlert(JsonNode change, Instant endsAt) {
        boolean event = change.has("event_id");
        Instant startsAt = event
                ? Instant.parse(change.get("start_time").asText())
                : LocalDate.parse(change.get("opened_on").asText())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        ObjectNode alert = alert(
                change.get("rule").asText(),
                change.get("connection_id").asText(),
                change.get("customer_id").asText(),
                startsAt,
                endsAt);
        ObjectNode annotations = (ObjectNode) alert.get("annotations");
        annotations.put("incident_id", change.get("incident_id").asText());
        annotations.put("severity", change.get("severity").asText());
        annotations.put("connection_name", change.get("connection_name").asText());
        annotations.put("message", change.get("message").asText());
        if (event) {
            JsonNode origin = change.get("origin_asn");
            eventLabels(alert, change.get("prefix").asText(), origin.isNull() ? null : origin.asText());
            annotations.put("event_id", change.get("event_id").asText());
            annotations.put("start_time", change.get("start_time").asText());
        }
        return alert;
    }

    /** The labels that tell event incidents of a connection and type apart; {@code -} for no origin. */
    private static void eventLabels(ObjectNode alert, String prefix, String origin) {
        ObjectNode labels = (ObjectNode) alert.get("labels");
        labels.put("prefix", prefix);
        labels.put("origin_asn", origin == null ? "-" : origin);
    }

    private static ObjectNode alert(
            String name, String connectionId, String customerId, Instant startsAt, Instant endsAt) {
        ObjectNode alert = JSON.createObjectNode();
        ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", name);
        labels.put("connection_id", connectionId);
        labels.put("customer_id", customerId);
        labels.put("source", "peertel");
        alert.putObject("annotations");
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", endsAt.toString());
        return alert;
    }

    /**
     * The job's own alerts for a day: a failure or a missing day fires (held like an incident), a completed day
     * resolves both (endsAt now; resolving one that never fired changes nothing in Alertmanager).
     */
    private static List<ObjectNode> healthAlerts(DayOutcome outcome, Instant now, DeliverySettings settings) {
        return switch (outcome.kind()) {
            case FAILED -> List.of(healthAlert(RUN_FAILED, outcome, " failed: ", now, now.plus(settings.hold())));
            case MISSING -> List.of(healthAlert(DAY_MISSING, outcome, " is missing: ", now, now.plus(settings.hold())));
            case COMPLETED ->
                List.of(
                        healthAlert(RUN_FAILED, outcome, " completed", null, now),
                        healthAlert(DAY_MISSING, outcome, " completed", null, now));
        };
    }

    private static ObjectNode healthAlert(
            String name, DayOutcome outcome, String what, Instant startsAt, Instant endsAt) {
        ObjectNode alert = JSON.createObjectNode();
        ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", name);
        labels.put("source", "peertel");
        labels.put("day", outcome.day().toString());
        ObjectNode annotations = alert.putObject("annotations");
        annotations.put("severity", "CRITICAL");
        annotations.put("message", outcome.day() + what + (outcome.problem() == null ? "" : outcome.problem()));
        if (startsAt != null) {
            alert.put("startsAt", startsAt.toString());
        }
        alert.put("endsAt", endsAt.toString());
        return alert;
    }

    private static URI alertsUri(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        return base.resolve((path.endsWith("/") ? path : path + "/") + "api/v2/alerts");
    }

    private static JsonNode parse(OutboxChange change) {
        try {
            return JSON.readTree(change.content());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the outbox change " + change.key() + " is not JSON", e);
        }
    }
}
