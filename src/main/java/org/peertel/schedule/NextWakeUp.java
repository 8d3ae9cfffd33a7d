package org.peertel.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * When {@code peertel schedule} wakes up next: at the next tick of its cron expression for a full pass, or earlier,
 * at the next retry ({@link ScheduleSettings#nextRetry}), when days wait for their input.
 *
 * @param tick        the next tick of the cron expression
 * @param at          when to wake up: the retry when it comes before the tick, else the tick
 * @param retry       true when waking up at {@code at} is a retry of the waiting days, not a pass
 * @param waitingDays how many days wait for their input
 */
public record NextWakeUp(Instant tick, Instant at, boolean retry, int waitingDays) {

    /** The next wake-up after {@code now}, given the days the last pass or retry left waiting. */
    public static NextWakeUp after(Instant now, ScheduleSettings schedule, List<DueDay> waiting) {
        Instant tick = schedule.cron().next(now.atZone(ZoneOffset.UTC)).toInstant();
        if (waiting.isEmpty()) {
            return new NextWakeUp(tick, tick, false, 0);
        }
        Instant retry = schedule.nextRetry(now);
        return retry.isBefore(tick)
                ? new NextWakeUp(tick, retry, true, waiting.size())
                : new NextWakeUp(tick, tick, false, waiting.size());
    }

    /** {@code "; 1 waiting day tried again at 2026-03-03T02:45:00Z"}, or "" when waking up for the tick. */
    public String retryNote() {
        return retry
                ? "; " + waitingDays + (waitingDays == 1 ? " waiting day" : " waiting days") + " tried again at " + at
                : "";
    }
}
