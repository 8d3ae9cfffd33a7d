package org.peertel.report;

import java.time.LocalDate;
import org.peertel.alert.Lifecycle;
import org.peertel.output.AtomicFiles;

/**
 * The files of the incident lifecycle: {@code alerts/<date>.csv} and {@code alerts/<date>-resolved.csv} of the
 * evaluated days, and {@code alerts/open.csv}.
 */
public final class LifecycleFiles {

    private LifecycleFiles() {}

    /**
     * Writes the alert and resolved files of every evaluated day from {@code from} on whose content changed (a day's
     * lifecycle depends only on the days before it, so earlier days cannot change), and open.csv in any case.
     */
    public static void write(OutputLayout layout, Lifecycle lifecycle, LocalDate from) {
        for (Lifecycle.Day day : lifecycle.days()) {
            if (!day.day().isBefore(from)) {
                AlertFile.writeIfChanged(layout.alerts(day.day()), AlertFile.render(day.alerts()));
                AlertFile.writeIfChanged(layout.resolvedIncidents(day.day()), IncidentFile.render(day.resolved()));
            }
        }
        AtomicFiles.writeString(layout.openIncidents(), IncidentFile.render(lifecycle.open()));
    }
}
