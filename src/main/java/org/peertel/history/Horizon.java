package org.peertel.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The days the nightly schedule looks after at one instant: the catch-up window of {@code schedule.horizon-days}
 * UTC days up to yesterday, from the earliest day that ever completed on (a new installation starts with yesterday,
 * not with a week of history). The scheduler's passes, the metrics' days missing and {@code status} all count with
 * it.
 *
 * @param first     the first day of the window
 * @param yesterday the last day of the window, the day before the instant's UTC day
 */
public record Horizon(LocalDate first, LocalDate yesterday) {

    /** The window at {@code now} for a horizon of {@code horizonDays} days. */
    public static Horizon at(Instant now, int horizonDays) {
        LocalDate yesterday = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        return new Horizon(yesterday.minusDays(horizonDays - 1L), yesterday);
    }

    /** The earliest day that ever completed, or yesterday when none did. */
    public LocalDate earliest(DaysDone done) {
        return done.first() == null ? yesterday : done.first();
    }

    /** The days of the window the schedule looks after, oldest first: those from {@link #earliest} on. */
    public List<LocalDate> days(DaysDone done) {
        LocalDate earliest = earliest(done);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(yesterday); day = day.plusDays(1)) {
            if (!day.isBefore(earliest)) {
                days.add(day);
            }
        }
        return days;
    }

    /** The days of {@link #days} that are not done, oldest first. */
    public List<LocalDate> missing(DaysDone done) {
        return days(done).stream().filter(day -> !done.contains(day)).toList();
    }
}
