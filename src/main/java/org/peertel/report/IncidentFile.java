package org.peertel.report;

import static org.peertel.output.FormulaGuard.text;

import java.util.List;
import org.peertel.alert.Incident;
import org.peertel.output.CsvLine;

/**
 * {@code alerts/<date>-resolved.csv} (the incidents that resolved that day) and {@code alerts/open.csv} (those open
 * after the latest processed day, {@code resolved_on} empty): one row per incident, header only when there is none.
 */
final class IncidentFile {

    static final String HEADER = CsvLine.of(
            "incident_id",
            "opened_on",
            "resolved_on",
            "customer_id",
            "connection_id",
            "connection_name",
            "rule",
            "last_severity",
            "days_open",
            "message");

    private IncidentFile() {}

    static String render(List<Incident> incidents) {
        StringBuilder file = new StringBuilder(HEADER);
        for (Incident incident : incidents) {
            file.append(CsvLine.of(
                    text(incident.incidentId()),
                    incident.openedOn().toString(),
                    incident.isOpen() ? "" : incident.resolvedOn().toString(),
                    text(incident.lastAlert().customerId()),
                    text(incident.lastAlert().connectionId()),
                    text(incident.lastAlert().connectionName()),
                    incident.lastAlert().rule().name(),
                    incident.lastAlert().severity().name(),
                    Long.toString(incident.daysOpen()),
                    text(incident.message())));
        }
        return file.toString();
    }
}
