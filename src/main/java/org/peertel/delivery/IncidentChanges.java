package org.peertel.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.peertel.alert.Alert;
import org.peertel.alert.Incident;
import org.peertel.alert.IncidentChange;
import org.peertel.alert.Lifecycle;
import org.peertel.alert.LifecycleAlert;
import org.peertel.output.Millis;
import org.peertel.store.OutboxChange;

/**
 * The state changes of incidents, day by day, as receivers get them: one JSON object per change, with the key
 * {@code <incident_id>/<change>/<day>} that lets a receiver drop a repeat. Deterministic: the same days give the same
 * bytes, so a re-run that changes nothing sends nothing.
 */
public final class IncidentChanges {

    /** Decimals kept as written: 200.000 stays 200.000 (Jackson's default node factory strips trailing zeros). */
    private static final ObjectMapper JSON =
            new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private IncidentChanges() {}

    /** The changes of the evaluated days from {@code from} on, day by day, each day's in file order. */
    public static List<OutboxChange> of(Lifecycle lifecycle, LocalDate from) {
        List<OutboxChange> changes = new ArrayList<>();
        for (Lifecycle.Day day : lifecycle.days()) {
            if (day.day().isBefore(from)) {
                continue;
            }
            for (LifecycleAlert alert : day.alerts()) {
                changes.add(change(
                        day.day(),
                        alert.incidentId(),
                        alert.openedOn(),
                        null,
                        alert.change(),
                        alert.alert(),
                        alert.alert().message()));
            }
            for (Incident incident : day.resolved()) {
                changes.add(change(
                        day.day(),
                        incident.incidentId(),
                        incident.openedOn(),
                        incident.resolvedOn(),
                        IncidentChange.RESOLVED,
                        incident.lastAlert(),
                        incident.message()));
            }
        }
        return changes;
    }

    private static OutboxChange change(
            LocalDate day,
            String incidentId,
            LocalDate openedOn,
            LocalDate resolvedOn,
            IncidentChange change,
            Alert alert,
            String message) {
        String key = incidentId + "/" + change.label() + "/" + day;
        boolean resolved = change == IncidentChange.RESOLVED;
        ObjectNode json = JSON.createObjectNode();
        json.put("key", key);
        json.put("incident_id", incidentId);
        json.put("change", change.label());
        json.put("customer_id", alert.customerId());
        json.put("connection_id", alert.connectionId());
        json.put("connection_name", alert.connectionName());
        json.put("rule", alert.rule().name());
        json.put("severity", alert.severity().name());
        // a resolution has no observation of its own: the figures are those of the day that fired
        json.put("observed_ms", resolved ? null : millis(alert.observedMs()));
        json.put("threshold_ms", resolved ? null : millis(alert.thresholdMs()));
        json.put("opened_on", openedOn.toString());
        json.put("resolved_on", resolvedOn == null ? null : resolvedOn.toString());
        json.put("message", message);
        return new OutboxChange(key, day, change.label(), json.toString());
    }

    /** Three decimals, as the alert files write them; null when the rule has no such value. */
    private static BigDecimal millis(BigDecimal value) {
        return value == null ? null : new BigDecimal(Millis.format(value));
    }
}
