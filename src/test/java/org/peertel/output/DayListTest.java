package org.peertel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Days in one line, consecutive ones as a range. */
class DayListTest {

    static Stream<Arguments> dayLists() {
        return Stream.of(
                Arguments.of("one day", List.of("2026-03-02"), "2026-03-02"),
                Arguments.of("two apart", List.of("2026-03-02", "2026-03-04"), "2026-03-02, 2026-03-04"),
                Arguments.of(
                        "a run across a month end, then a lone day",
                        List.of("2026-02-27", "2026-02-28", "2026-03-01", "2026-03-05"),
                        "2026-02-27 .. 2026-03-01, 2026-03-05"),
                Arguments.of("two consecutive days", List.of("2026-03-02", "2026-03-03"), "2026-03-02 .. 2026-03-03"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dayLists")
    void writesConsecutiveDaysAsARange(String description, List<String> days, String expected) {
        assertEquals(
                expected, DayList.compact(days.stream().map(LocalDate::parse).toList()));
    }
}
