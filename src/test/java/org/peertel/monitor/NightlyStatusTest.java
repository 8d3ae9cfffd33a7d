package org.peertel.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.history.Attempt;
import org.peertel.history.Horizon;
import org.peertel.schedule.ScheduleSettings;

/**
 * How {@code status} rates a nightly installation: a 3-day horizon up to 2026-12-06, ticks at 02:30 UTC, 180 minutes
 * of grace, and the facts of each case.
 */
class NightlyStatusTest {

    static final ScheduleSettings SCHEDULE = ScheduleSettings.defaults();
    static final Duration GRACE = Duration.ofMinutes(180);
    static final LocalDate YESTERDAY = LocalDate.parse("2026-12-06");

    /** What a case knows: the days done, running, with late data, and the last attempt. */
    record Facts(String now, Set<LocalDate> done, Set<LocalDate> running, Set<LocalDate> lateData, Attempt last) {}

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "every day done, the last attempt completed",
                        new Facts("2026-12-07T09:00:00Z", days(3), Set.of(), Set.of(), attempt(0)),
                        StatusLevel.OK,
                        "PEERTEL OK - last completed day 2026-12-06, nothing missing"),
                Arguments.of(
                        "before tonight's tick yesterday is not missing",
                        new Facts("2026-12-07T01:00:00Z", days(2, 3), Set.of(), Set.of(), attempt(0)),
                        StatusLevel.OK,
                        "PEERTEL OK - last completed day 2026-12-05, nothing missing, 2026-12-06 due 2026-12-07 "
                                + "02:30 UTC"),
                Arguments.of(
                        "a run working on yesterday past its grace time",
                        new Facts("2026-12-07T06:00:00Z", days(2, 3), Set.of(YESTERDAY), Set.of(), attempt(0)),
                        StatusLevel.OK,
                        "PEERTEL OK - last completed day 2026-12-05, nothing missing, a run is working"),
                Arguments.of(
                        "yesterday not done after its tick, within the grace time",
                        new Facts("2026-12-07T03:00:00Z", days(2, 3), Set.of(), Set.of(), attempt(0)),
                        StatusLevel.WARNING,
                        "PEERTEL WARNING - 2026-12-06 not done, missing at 2026-12-07 05:30 UTC"),
                Arguments.of(
                        "yesterday not done past the grace time",
                        new Facts("2026-12-07T05:30:00Z", days(2, 3), Set.of(), Set.of(), attempt(0)),
                        StatusLevel.CRITICAL,
                        "PEERTEL CRITICAL - 2026-12-06 missing since 2026-12-07 05:30 UTC"),
                Arguments.of(
                        "a gap inside the horizon",
                        new Facts("2026-12-07T03:00:00Z", Set.of(day(3), day(1)), Set.of(), Set.of(), attempt(0)),
                        StatusLevel.CRITICAL,
                        "PEERTEL CRITICAL - 2026-12-05 missing since 2026-12-06 05:30 UTC"),
                Arguments.of(
                        "the last attempt failed, though every day is done",
                        new Facts("2026-12-07T09:00:00Z", days(3), Set.of(), Set.of(), attempt(1)),
                        StatusLevel.CRITICAL,
                        "PEERTEL CRITICAL - the last attempt failed (run, exit 1, 2026-12-07 02:40 UTC): "
                                + "bad input file x.csv.gz"),
                Arguments.of(
                        "the last attempt did not start",
                        new Facts("2026-12-07T09:00:00Z", days(3), Set.of(), Set.of(), attempt(2)),
                        StatusLevel.CRITICAL,
                        "PEERTEL CRITICAL - the last attempt did not start (run, exit 2, 2026-12-07 02:40 UTC): "
                                + "no input folder"),
                Arguments.of(
                        "the last attempt was stopped",
                        new Facts("2026-12-07T09:00:00Z", days(3), Set.of(), Set.of(), attempt(143)),
                        StatusLevel.WARNING,
                        "PEERTEL WARNING - the last attempt was stopped (run, exit 143, 2026-12-07 02:40 UTC)"),
                Arguments.of(
                        "late data pending",
                        new Facts("2026-12-07T09:00:00Z", days(3), Set.of(), Set.of(day(2)), attempt(0)),
                        StatusLevel.WARNING,
                        "PEERTEL WARNING - 2026-12-05 late data pending"),
                Arguments.of(
                        "critical and warning: the summary says the critical",
                        new Facts("2026-12-07T09:00:00Z", days(2, 3), Set.of(), Set.of(day(2)), attempt(143)),
                        StatusLevel.CRITICAL,
                        "PEERTEL CRITICAL - 2026-12-06 missing since 2026-12-07 05:30 UTC"),
                Arguments.of(
                        "several days missing: counted, as ranges, the oldest one's time",
                        new Facts("2026-12-07T09:00:00Z", Set.of(day(3)), Set.of(), Set.of(), attempt(0)),
                        StatusLevel.CRITICAL,
                        "PEERTEL CRITICAL - 2 days (2026-12-05 .. 2026-12-06) missing since 2026-12-06 05:30 UTC"),
                Arguments.of(
                        "a new installation, nothing ever ran, past yesterday's grace time",
                        new Facts("2026-12-07T09:00:00Z", Set.of(), Set.of(), Set.of(), null),
                        StatusLevel.CRITICAL,
                        "PEERTEL CRITICAL - 2026-12-06 missing since 2026-12-07 05:30 UTC"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLevelAndTheSummaryLine(String description, Facts facts, StatusLevel level, String summary) {
        // when
        NightlyStatus status = status(facts);

        // then
        assertThat(status.level()).isEqualTo(level);
        assertThat(status.summary()).isEqualTo(summary);
    }

    @Test
    void theDetailsNameEachDayAndWhatItWaitsFor() {
        // given: 2026-12-05 done with late data, yesterday waiting for its folder
        Instant now = Instant.parse("2026-12-07T03:00:00Z");
        List<DayState> days = List.of(
                NightlyStatus.dayState(day(3), SCHEDULE.dueAt(day(3)), GRACE, now, true, false, "", ""),
                NightlyStatus.dayState(
                        day(2), SCHEDULE.dueAt(day(2)), GRACE, now, true, false, "", "added zz-late.csv"),
                NightlyStatus.dayState(
                        day(1), SCHEDULE.dueAt(day(1)), GRACE, now, false, false, "waiting for /in/2026-12-06", ""));

        // when
        NightlyStatus status = new NightlyStatus(
                now,
                Horizon.at(now, 3),
                GRACE,
                SCHEDULE.cronText(),
                days,
                day(2),
                Instant.parse("2026-12-06T02:41:00Z"),
                attempt(0),
                null);

        // then
        assertThat(status.summary())
                .isEqualTo("PEERTEL WARNING - 2026-12-06 not done, missing at 2026-12-07 05:30 UTC; "
                        + "2026-12-05 late data pending");
        assertThat(status.details())
                .containsExactly(
                        "last completed day: 2026-12-05 (finished 2026-12-06 02:41 UTC)",
                        "last attempt:       2026-12-07 02:40 UTC, run for 2026-12-06, completed (exit 0)",
                        "running now:        no run",
                        "horizon:            2026-12-04 .. 2026-12-06, each day due at the tick of '0 30 2 * * *' "
                                + "(UTC) after it, missing 180 min later",
                        "missing days:       none",
                        "waiting days:       2026-12-06 (waiting for /in/2026-12-06)",
                        "late data pending:  2026-12-05 (added zz-late.csv)");
    }

    private static NightlyStatus status(Facts facts) {
        Instant now = Instant.parse(facts.now());
        Horizon horizon = Horizon.at(now, 3);
        List<DayState> days = new ArrayList<>();
        LocalDate first = facts.done().stream().min(LocalDate::compareTo).orElse(YESTERDAY);
        for (LocalDate day = horizon.first(); !day.isAfter(horizon.yesterday()); day = day.plusDays(1)) {
            if (day.isBefore(first)) {
                continue;
            }
            days.add(NightlyStatus.dayState(
                    day,
                    SCHEDULE.dueAt(day),
                    GRACE,
                    now,
                    facts.done().contains(day),
                    facts.running().contains(day),
                    "",
                    facts.lateData().contains(day) ? "added zz-late.csv" : ""));
        }
        LocalDate lastDay = facts.done().stream().max(LocalDate::compareTo).orElse(null);
        return new NightlyStatus(
                now,
                horizon,
                GRACE,
                SCHEDULE.cronText(),
                days,
                lastDay,
                lastDay == null ? null : SCHEDULE.dueAt(lastDay).plusSeconds(600),
                facts.last(),
                facts.running().isEmpty() ? null : "pid 42 on host, 'peertel schedule', since 2026-12-07T02:30:00Z");
    }

    /** The last attempt, a run of yesterday that ended at 02:40 with {@code exitCode}. */
    private static Attempt attempt(int exitCode) {
        Attempt.Outcome outcome = switch (exitCode) {
            case 0 -> Attempt.Outcome.COMPLETED;
            case 1 -> Attempt.Outcome.FAILED;
            case 2 -> Attempt.Outcome.NOT_STARTED;
            default -> Attempt.Outcome.STOPPED;
        };
        String reason = switch (exitCode) {
            case 1 -> "bad input file x.csv.gz";
            case 2 -> "no input folder";
            default -> "";
        };
        return new Attempt(
                Instant.parse("2026-12-07T02:30:00Z"),
                Instant.parse("2026-12-07T02:40:00Z"),
                "run",
                "run --date yesterday",
                List.of(YESTERDAY),
                exitCode == 2 ? 0 : 1,
                outcome,
                exitCode,
                reason,
                42);
    }

    /** {@code n} days before 2026-12-07: day(1) is yesterday. */
    private static LocalDate day(int n) {
        return LocalDate.parse("2026-12-07").minusDays(n);
    }

    /** day(1) .. day(to): days(3) is the whole horizon. */
    private static Set<LocalDate> days(int to) {
        return days(1, to);
    }

    private static Set<LocalDate> days(int from, int to) {
        Set<LocalDate> days = new java.util.TreeSet<>();
        for (int n = from; n <= to; n++) {
            days.add(day(n));
        }
        return days;
    }
}
