package org.peertel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DayRangeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("one day", "2026-02-10", null, null, List.of("2026-02-10")),
                Arguments.of("today is the UTC day given", "today", null, null, List.of("2026-03-01")),
                Arguments.of("yesterday across a month end", "yesterday", null, null, List.of("2026-02-28")),
                Arguments.of(
                        "a range, oldest first",
                        null,
                        "2026-02-27",
                        "2026-03-01",
                        List.of("2026-02-27", "2026-02-28", "2026-03-01")),
                Arguments.of(
                        "a range ending yesterday",
                        null,
                        "2026-02-27",
                        "yesterday",
                        List.of("2026-02-27", "2026-02-28")),
                Arguments.of("a one-day range", null, "today", "today", List.of("2026-03-01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void resolvesTheDays(String description, String date, String from, String to, List<String> expected) {
        assertEquals(
                expected,
                DayRange.of(date, from, to, TODAY).stream()
                        .map(LocalDate::toString)
                        .toList());
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("nothing", null, null, null, "give --date DAY"),
                Arguments.of("from without to", null, "today", null, "give --date DAY"),
                Arguments.of("both forms", "today", "today", "today", "not both"),
                Arguments.of("not a day", "2026-02-30", null, null, "'2026-02-30' is not a day"),
                Arguments.of("reversed", null, "today", "yesterday", "is before"),
                Arguments.of("too long", null, "2000-01-01", "today", "more than 3660 days"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void saysWhatIsWrong(String description, String date, String from, String to, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DayRange.of(date, from, to, TODAY));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    static Stream<Arguments> lengths() {
        return Stream.of(
                Arguments.of("at the limit", 62, 62, false, true),
                Arguments.of("past the limit", 63, 62, false, false),
                Arguments.of("past the limit with --yes", 400, 62, true, true),
                Arguments.of("one day, a limit of one", 1, 1, false, true),
                Arguments.of("two days, a limit of one", 2, 1, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lengths")
    void aRangeLongerThanTheLimitNeedsYes(String description, int days, int limit, boolean yes, boolean accepted) {
        LocalDate first = LocalDate.parse("2025-01-01");
        List<LocalDate> range =
                DayRange.of(null, first.toString(), first.plusDays(days - 1).toString(), TODAY);
        if (accepted) {
            DayRange.confirmLength(range, limit, yes);
        } else {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> DayRange.confirmLength(range, limit, yes));
            assertTrue(
                    e.getMessage()
                            .contains("holds " + days + " days, more than run.max-days (" + limit + "); add --yes"),
                    e.getMessage());
        }
    }
}
