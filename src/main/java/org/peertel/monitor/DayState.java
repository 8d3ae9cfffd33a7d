package org.peertel.monitor;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where one day of the catch-up horizon stands for {@code status}.
 *
 * @param day   the UTC day
 * @param state what it is
 * @param dueAt when the schedule's tick processes it ({@code ScheduleSettings#dueAt})
 * @param note  for a day not done: what it waits for (its input folder, the ready marker, data), or the first line
 *              of why its last run failed; for a done day with late data: what changed; else empty
 */
public record DayState(LocalDate day, State state, Instant dueAt, String note) {

    public enum State {
        /** Its newest attempt completed, and its folder holds the files that run read. */
        DONE,
        /** Done, but its folder changed since (late data): the schedule's next tick processes it again. */
        LATE_DATA,
        /** A run is working on it now. */
        RUNNING,
        /** Not done, and its tick has not come yet. */
        NOT_DUE,
        /** Not done past its tick, within the grace time. */
        WAITING,
        /** Not done past its tick plus the grace time. */
        MISSING
    }

    public DayState {
        note = note == null ? "" : note;
    }
}
