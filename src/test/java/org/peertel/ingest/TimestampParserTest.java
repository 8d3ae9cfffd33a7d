package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written timestamp grammar: every accepted shape and the near misses. */
class TimestampParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-11-19T10:15:30Z            | 2026-11-19T10:15:30Z",
                "2026-11-19t10:15:30z            | 2026-11-19T10:15:30Z",
                "2026-11-19T10:15:30             | 2026-11-19T10:15:30Z",
                "2026-11-19 10:15:30             | 2026-11-19T10:15:30Z",
                "2026-11-19T10:15                | 2026-11-19T10:15:00Z",
                "2026-11-19T10:15Z               | 2026-11-19T10:15:00Z",
                "2026-11-19 10:15+01:00          | 2026-11-19T09:15:00Z",
                "2026-11-19T10:15:30.5Z          | 2026-11-19T10:15:30.500Z",
                "2026-11-19T10:15:30.123456789   | 2026-11-19T10:15:30.123456789Z",
                "2026-11-19T10:15:30.000001+0530 | 2026-11-19T04:45:30.000001Z",
                "2026-11-19T10:15:30+01          | 2026-11-19T09:15:30Z",
                "2026-11-19T10:15:30-05:00       | 2026-11-19T15:15:30Z",
                "2026-11-19T10:15:30-00:00       | 2026-11-19T10:15:30Z",
                "2026-11-19T10:15:30+18:00       | 2026-11-18T16:15:30Z",
                "2026-11-19T10:15:30-1800        | 2026-11-20T04:15:30Z",
                "2026-11-19T14:00:00+14:00       | 2026-11-19T00:00:00Z",
                "2026-11-19T11:59:59-12:00       | 2026-11-19T23:59:59Z",
                "2024-02-29T00:00:00Z            | 2024-02-29T00:00:00Z",
                "2000-02-29T23:59:59.999Z        | 2000-02-29T23:59:59.999Z",
                "1969-12-31T23:59:59Z            | 1969-12-31T23:59:59Z",
                "0001-01-01T00:00:00Z            | 0001-01-01T00:00:00Z",
            })
    void acceptsTheContractShapes(String text, String expected) {
        assertThat(TimestampParser.parse(text, 0, text.length())).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
            strings = {
                "",
                "2026-11-19",
                "2026-11-19T",
                "2026-11-19T10",
                "2026-11-19T10:1",
                "2026-11-19T10:15:3",
                "2026-11-19T10:15:30.",
                "2026-11-19T10:15:30.1234567891",
                "2026-11-19T10:15:30,5",
                "2026-11-19T10:15.5",
                "2026-11-19T24:00:00",
                "2026-11-19T10:60:00",
                "2026-11-19T10:15:60",
                "2026-13-01T10:15:30",
                "2026-00-01T10:15:30",
                "2026-11-00T10:15:30",
                "2026-11-31T10:15:30",
                "2023-02-29T10:15:30",
                "1900-02-29T10:15:30",
                "2026-11-19X10:15:30",
                "2026-11-19  10:15:30",
                "2026/11/19T10:15:30",
                "26-11-19T10:15:30",
                "+2026-11-19T10:15:30",
                "2026-11-19T10:15:30+1",
                "2026-11-19T10:15:30+01:0",
                "2026-11-19T10:15:30+0100Z",
                "2026-11-19T10:15:30+01:60",
                "2026-11-19T10:15:30+18:01",
                "2026-11-19T10:15:30-18:01",
                "2026-11-19T10:15:30+19",
                "2026-11-19T10:15:30-2400",
                "2026-11-19T10:15:30+01:00:00",
                "2026-11-19T10:15:30 Z",
                "2026-11-19T10:15:30UTC",
                "2026-11-19T10:15:30Z[UTC]",
                "２０２６-11-19T10:15:30"
            })
    void rejectsOtherText(String text) {
        assertThat(TimestampParser.parse(text, 0, text.length())).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1970-01-01",
                "1969-12-31",
                "2000-02-29",
                "2026-11-19",
                "2100-03-01",
                "0001-01-01",
                "9999-12-31",
                "1600-02-29"
            })
    void epochDayMatchesJavaTime(String date) {
        LocalDate day = LocalDate.parse(date);

        assertThat(TimestampParser.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                .isEqualTo(day.toEpochDay());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x2026-11-19T10:15:30Zx"})
    void parsesOnlyTheGivenRange(String text) {
        assertThat(TimestampParser.parse(text, 1, text.length() - 1)).isEqualTo(Instant.parse("2026-11-19T10:15:30Z"));
    }
}
