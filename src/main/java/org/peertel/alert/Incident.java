package org.peertel.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One (connection, rule) from the first day it fired until it resolved: a row of {@code alerts/<date>-resolved.csv}
 * or {@code alerts/open.csv}.
 *
 * @param resolvedOn null while it is open
 * @param lastAlert  the incident's latest alert: its customer, connection name and severity are the incident's
 * @param asOf       the day {@link #daysOpen} counts to: the day it resolved, or the latest processed day
 * @param message    why it resolved, or the latest alert's message while it is open
 */
public record Incident(LocalDate openedOn, LocalDate resolvedOn, Alert lastAlert, LocalDate asOf, String message) {

    /** {@code <opened_on>/<connection_id>/<rule>}: stable across re-runs, and readable at 3 a.m. */
    public static String id(LocalDate openedOn, String connectionId, AlertRule rule) {
        return openedOn + "/" + connectionId + "/" + rule;
    }

    public String incidentId() {
        return id(openedOn, lastAlert.connectionId(), lastAlert.rule());
    }

    public boolean isOpen() {
        return resolvedOn == null;
    }

    public long daysOpen() {
        return ChronoUnit.DAYS.between(openedOn, asOf);
    }
}
