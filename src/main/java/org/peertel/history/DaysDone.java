package org.peertel.history;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days are done, as the nightly schedule counts them.
 *
 * @param days  the days whose newest attempt ended completed, oldest first
 * @param first the earliest day that ever completed, even if a later attempt of it failed; null when none did.
 *              The catch-up horizon starts there, so a day that completed once and then failed a re-run is
 *              still looked after.
 */
public record DaysDone(Set<LocalDate> days, LocalDate first) {

    /** A repository where nothing completed yet. */
    public static final DaysDone NONE = new DaysDone(Set.of(), null);

    public DaysDone {
        days = Collections.unmodifiableSet(new TreeSet<>(days));
    }

    public boolean contains(LocalDate day) {
        return days.contains(day);
    }
}
