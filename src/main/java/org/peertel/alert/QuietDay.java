package org.peertel.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the incident lifecycle may start afresh: a day no incident is open across. The lifecycle of the days from
 * such a day on is the same whether or not the days before it are stored, so retention may move those earlier days'
 * alerts and judgements out of DuckDB without changing any later alert file.
 */
public final class QuietDay {

    private QuietDay() {}

    /**
     * The latest day on or before {@code day} on which no incident of {@code incidents} was open from an earlier day:
     * {@code day} itself, or the day the oldest incident still open on it (directly or through incidents that overlap)
     * opened.
     */
    public static LocalDate atOrBefore(LocalDate day, List<Incident> incidents) {
        LocalDate quiet = day;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Incident incident : incidents) {
                if (incident.openedOn().isBefore(quiet) && openOn(incident, quiet)) {
                    quiet = incident.openedOn();
                    moved = true;
                }
            }
        }
        return quiet;
    }

    /** Open on {@code day}: opened before it and not resolved before it (it still resolves on that day, at worst). */
    private static boolean openOn(Incident incident, LocalDate day) {
        return incident.resolvedOn() == null || !incident.resolvedOn().isBefore(day);
    }
}
