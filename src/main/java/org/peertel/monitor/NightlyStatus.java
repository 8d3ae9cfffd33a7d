package org.peertel.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.peertel.history.Attempt;
import org.peertel.history.Horizon;
import org.peertel.output.DayList;

/**
 * What {@code peertel status} says about a nightly installation, from facts already gathered ({@link StatusCheck}):
 * a level, one summary line for monitoring, and the lines a person reads after it. Nothing here reads a file.
 *
 * <ul>
 * <li>CRITICAL: the last attempt failed or could not start (exit 1 or 2), or a day of the horizon is missing past
 * its tick plus the grace time.</li>
 * <li>WARNING: the last attempt was stopped by a signal, a done day has late data the next tick processes, or a day
 * is not done past its tick but within the grace time (and no run is working on it).</li>
 * <li>OK otherwise: a day not due yet (yesterday before tonight's tick) or running is not missing.</li>
 * </ul>
 *
 * @param now          when the status was taken
 * @param horizon      the catch-up horizon at {@code now}
 * @param grace        {@code status.grace-minutes}
 * @param cron         {@code schedule.cron}, for the reader
 * @param days         the days of the horizon the schedule looks after, oldest first
 * @param lastDay      the newest day that completed, or null
 * @param lastDayEnd   when its newest completed execution ended, or null
 * @param lastAttempt  the newest line of the attempt log, or null
 * @param running      the run working on the database now (its run lock's holder), or null
 */
public record NightlyStatus(
        Instant now,
        Horizon horizon,
        Duration grace,
        String cron,
        List<DayState> days,
        LocalDate lastDay,
        Instant lastDayEnd,
        Attempt lastAttempt,
        String running) {

    /** Where the values of the detail lines start: after {@code "late data pending:  "}. */
    private static final int LABEL_WIDTH = 20;

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public NightlyStatus {
        days = List.copyOf(days);
    }

    /**
     * Where a day stands at {@code now}.
     *
     * @param done     its newest attempt completed
     * @param running  a run works on it now
     * @param notDone  for a day not done: what it waits for, or why its last run failed
     * @param lateData for a done day: what changed in its folder since, or empty
     */
    static DayState dayState(
            LocalDate day,
            Instant dueAt,
            Duration grace,
            Instant now,
            boolean done,
            boolean running,
            String notDone,
            String lateData) {
        if (running) {
            return new DayState(day, DayState.State.RUNNING, dueAt, "");
        }
        if (done) {
            return lateData.isEmpty()
                    ? new DayState(day, DayState.State.DONE, dueAt, "")
                    : new DayState(day, DayState.State.LATE_DATA, dueAt, lateData);
        }
        if (now.isBefore(dueAt)) {
            return new DayState(day, DayState.State.NOT_DUE, dueAt, notDone);
        }
        return new DayState(
                day, now.isBefore(dueAt.plus(grace)) ? DayState.State.WAITING : DayState.State.MISSING, dueAt, notDone);
    }

    public StatusLevel level() {
        StatusLevel level = StatusLevel.OK;
        if (!problems(StatusLevel.WARNING).isEmpty()) {
            level = StatusLevel.WARNING;
        }
        if (!problems(StatusLevel.CRITICAL).isEmpty()) {
            level = StatusLevel.CRITICAL;
        }
        return level;
    }

    /** The first line: {@code PEERTEL CRITICAL - 2026-12-05 missing (...); ...}, as monitoring shows it. */
    public String summary() {
        StatusLevel level = level();
        List<String> said = level == StatusLevel.OK ? List.of(allWell()) : problems(level);
        return "PEERTEL " + level + " - " + String.join("; ", said);
    }

    /** The lines after the summary, for a person. */
    public List<String> details() {
        List<String> lines = new ArrayList<>();
        lines.add("last completed day: "
                + (lastDay == null ? "none yet" : lastDay + " (finished " + MINUTE.format(lastDayEnd) + ")"));
        lines.add("last attempt:       " + (lastAttempt == null ? "none recorded" : attempt(lastAttempt)));
        lines.add("running now:        " + (running == null ? "no run" : running));
        lines.add("horizon:            " + horizon.first() + " .. " + horizon.yesterday() + ", each day due at the "
                + "tick of '" + cron + "' (UTC) after it, missing " + grace.toMinutes() + " min later");
        lines.add("missing days:       " + listed(DayState.State.MISSING));
        lines.add("waiting days:       " + listed(DayState.State.WAITING));
        lines.add("late data pending:  " + listed(DayState.State.LATE_DATA));
        List<String> notDue = daysIn(DayState.State.NOT_DUE).stream()
                .map(state -> state.day() + " (due " + MINUTE.format(state.dueAt()) + ")")
                .toList();
        if (!notDue.isEmpty()) {
            lines.add("not due yet:        " + String.join(", ", notDue));
        }
        return lines.stream().flatMap(String::lines).toList();
    }

    /** What makes the status {@code level}, most urgent first; empty when nothing does. */
    List<String> problems(StatusLevel level) {
        List<String> problems = new ArrayList<>();
        if (level == StatusLevel.CRITICAL) {
            if (lastAttempt != null
                    && (lastAttempt.outcome() == Attempt.Outcome.FAILED
                            || lastAttempt.outcome() == Attempt.Outcome.NOT_STARTED)) {
                problems.add("the last attempt "
                        + (lastAttempt.outcome() == Attempt.Outcome.FAILED ? "failed" : "did not start")
                        + " (" + lastAttempt.command() + ", exit " + lastAttempt.exitCode() + ", "
                        + MINUTE.format(lastAttempt.end()) + "): " + lastAttempt.reason());
            }
            problems.addAll(summed(DayState.State.MISSING, "missing since"));
        }
        if (level == StatusLevel.WARNING) {
            if (lastAttempt != null && lastAttempt.outcome() == Attempt.Outcome.STOPPED) {
                problems.add("the last attempt was stopped (" + lastAttempt.command() + ", exit "
                        + lastAttempt.exitCode() + ", " + MINUTE.format(lastAttempt.end()) + ")");
            }
            problems.addAll(summed(DayState.State.WAITING, "not done, missing at"));
            List<DayState> lateData = daysIn(DayState.State.LATE_DATA);
            if (!lateData.isEmpty()) {
                problems.add(
                        DayList.compact(lateData.stream().map(DayState::day).toList()) + " late data pending");
            }
        }
        return problems;
    }

    private String allWell() {
        String last = lastDay == null ? "no day completed yet" : "last completed day " + lastDay;
        List<DayState> notDue = daysIn(DayState.State.NOT_DUE);
        String next = notDue.isEmpty()
                ? "nothing missing"
                : "nothing missing, " + notDue.get(0).day() + " due "
                        + MINUTE.format(notDue.get(0).dueAt());
        return running == null ? last + ", " + next : last + ", " + next + ", a run is working";
    }

    /**
     * The days in {@code state} in a few words, with when the oldest one is (or was) missing: {@code 2026-12-05
     * missing since 2026-12-06 05:30 UTC}, {@code 3 days (2026-12-04 .. 2026-12-06) missing since ...}; empty for
     * none.
     */
    private List<String> summed(DayState.State state, String when) {
        List<DayState> in = daysIn(state);
        if (in.isEmpty()) {
            return List.of();
        }
        String days = in.size() == 1
                ? in.get(0).day().toString()
                : in.size() + " days ("
                        + DayList.compact(in.stream().map(DayState::day).toList()) + ")";
        return List.of(days + " " + when + " " + MINUTE.format(in.get(0).dueAt().plus(grace)));
    }

    private List<DayState> daysIn(DayState.State state) {
        Predicate<DayState> in = day -> day.state() == state;
        return days.stream().filter(in).toList();
    }

    /** {@code none}, or each day with its note, one a line: {@code 2026-12-05 (waiting for /in/2026-12-05)}. */
    private String listed(DayState.State state) {
        List<DayState> listed = daysIn(state);
        if (listed.isEmpty()) {
            return "none";
        }
        return listed.stream()
                .map(day -> day.note().isEmpty() ? day.day().toString() : day.day() + " (" + day.note() + ")")
                .collect(Collectors.joining("\n" + " ".repeat(LABEL_WIDTH)));
    }

    private static String attempt(Attempt attempt) {
        String days = attempt.days().isEmpty()
                ? ""
                : " for " + attempt.days().stream().map(LocalDate::toString).collect(Collectors.joining(", "));
        String reason = attempt.reason().isEmpty() ? "" : ": " + attempt.reason();
        return MINUTE.format(attempt.end()) + ", " + attempt.command() + days + ", "
                + attempt.outcome().label() + " (exit " + attempt.exitCode() + ")" + reason;
    }
}
