package org.peertel.delivery;

import java.time.LocalDate;

/**
 * How a day of a run or schedule pass stands, for the job's own health alerts in Alertmanager:
 * {@code PEERTEL_RUN_FAILED} fires for a day that failed, {@code PEERTEL_DAY_MISSING} for a due day whose input is not
 * there; a day that completes resolves both. They are not incidents and never in the alert files.
 *
 * @param problem why the day failed or what it waits for; null when it completed
 */
public record DayOutcome(LocalDate day, Kind kind, String problem) {

    public enum Kind {
        COMPLETED,
        FAILED,
        MISSING
    }

    public static DayOutcome completed(LocalDate day) {
        return new DayOutcome(day, Kind.COMPLETED, null);
    }

    public static DayOutcome failed(LocalDate day, String why) {
        return new DayOutcome(day, Kind.FAILED, why);
    }

    /** A day past its due time whose input is not ready: {@code waitingFor} says what it lacks. */
    public static DayOutcome missing(LocalDate day, String waitingFor) {
        return new DayOutcome(day, Kind.MISSING, waitingFor);
    }
}
