package org.peertel.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An alert of a day with its place in its incident: the row of {@code alerts/<date>.csv}.
 *
 * @param openedOn         the first day of the incident (the alert's own day when it opens it)
 * @param previousSeverity the severity of the incident's previous alert; null when this alert opens it
 */
public record LifecycleAlert(Alert alert, LocalDate openedOn, Severity previousSeverity) {

    public boolean opens() {
        return previousSeverity == null;
    }

    /** {@code OPEN} on the incident's first day, {@code CONTINUING} after. */
    public String state() {
        return opens() ? "OPEN" : "CONTINUING";
    }

    /** Calendar days since the incident opened: 0 on its first day. */
    public long daysOpen() {
        return ChronoUnit.DAYS.between(openedOn, alert.date());
    }

    public String incidentId() {
        return Incident.id(openedOn, alert.connectionId(), alert.rule());
    }

    public IncidentChange change() {
        if (opens()) {
            return IncidentChange.OPENED;
        }
        return alert.severity().compareTo(previousSeverity) > 0 ? IncidentChange.ESCALATED : IncidentChange.CONTINUING;
    }
}
