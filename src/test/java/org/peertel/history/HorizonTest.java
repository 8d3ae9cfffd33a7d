package org.peertel.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The days the schedule looks after, counted once for the passes, the metrics and status. */
class HorizonTest {

    static final Instant NOW = Instant.parse("2026-12-07T02:30:00Z");

    static Stream<Arguments> horizons() {
        return Stream.of(
                Arguments.of("a new installation misses only yesterday", Set.of(), 7, 1),
                Arguments.of("every day of the horizon completed", days(1, 7), 7, 0),
                Arguments.of("yesterday and the day before missing", days(3, 9), 7, 2),
                Arguments.of("gaps inside the horizon", Set.of(day(1), day(2), day(4), day(9)), 7, 4),
                Arguments.of("days before the first completed one are not missing", days(1, 3), 7, 0),
                Arguments.of("nothing since long ago: the whole horizon", Set.of(day(30)), 7, 7),
                Arguments.of("a horizon of one day", days(2, 5), 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("horizons")
    void theMissingDaysAreThoseTheCatchUpWouldProcess(
            String description, Set<LocalDate> completed, int horizonDays, int missing) {
        // given
        Horizon horizon = Horizon.at(NOW, horizonDays);
        DaysDone done = new DaysDone(
                completed, completed.stream().min(LocalDate::compareTo).orElse(null));

        // when
        var days = horizon.missing(done);

        // then
        assertThat(days).hasSize(missing).allMatch(day -> !completed.contains(day));
        assertThat(horizon.yesterday()).isEqualTo(day(1));
        assertThat(horizon.first()).isEqualTo(day(horizonDays));
    }

    @Test
    void aDayThatCompletedOnceAndThenFailedARunIsMissingAndTheWindowStillStartsThere() {
        // given: day(3) completed once, then its re-run failed; day(2) and yesterday are done
        DaysDone done = new DaysDone(Set.of(day(2), day(1)), day(3));

        // when
        var missing = Horizon.at(NOW, 7).missing(done);

        // then
        assertThat(missing).containsExactly(day(3));
    }

    /** {@code n} days before 2026-12-07, so day(1) is yesterday. */
    private static LocalDate day(int n) {
        return LocalDate.parse("2026-12-07").minusDays(n);
    }

    private static Set<LocalDate> days(int from, int to) {
        Set<LocalDate> days = new TreeSet<>();
        for (int n = from; n <= to; n++) {
            days.add(day(n));
        }
        return days;
    }
}
