package org.peertel.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.config.ConfigurationException;
import org.peertel.job.RunReason;

/** The schedule's settings: when its passes come and when a waiting day is tried again. */
class ScheduleSettingsTest {

    static Stream<Arguments> dueTimes() {
        return Stream.of(
                Arguments.of("the default: 02:30 the next morning", "0 30 2 * * *", "2026-12-07T02:30:00Z"),
                Arguments.of("a tick at midnight: the moment the day ends", "0 0 0 * * *", "2026-12-07T00:00:00Z"),
                Arguments.of(
                        "a tick a second before midnight: the next night's", "59 59 23 * * *", "2026-12-07T23:59:59Z"),
                Arguments.of("a weekly tick: the next Wednesday", "0 0 4 * * WED", "2026-12-09T04:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dueTimes")
    void aDayIsDueAtTheFirstTickAfterItEnds(String description, String cron, String expected) {
        ScheduleSettings schedule = ScheduleSettings.defaults().withCron(cron, IllegalArgumentException::new);
        assertEquals(Instant.parse(expected), schedule.dueAt(java.time.LocalDate.parse("2026-12-06")));
    }

    static Stream<Arguments> retries() {
        return Stream.of(
                Arguments.of(
                        "every 15 minutes: the next quarter hour", 15, "2026-03-03T02:30:00Z", "2026-03-03T02:45:00Z"),
                Arguments.of("a second past a quarter", 15, "2026-03-03T02:45:00.001Z", "2026-03-03T03:00:00Z"),
                Arguments.of("every minute", 1, "2026-03-03T02:44:50Z", "2026-03-03T02:45:00Z"),
                Arguments.of(
                        "the last try of the day ends at midnight", 7, "2026-03-03T23:59:00Z", "2026-03-04T00:00:00Z"),
                Arguments.of("once a day", 1440, "2026-03-03T02:30:00Z", "2026-03-04T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retries")
    void aWaitingDayIsTriedAgainOnTheRetryGrid(String description, int minutes, String now, String expected) {
        ScheduleSettings schedule =
                ScheduleSettings.defaults().withRetryMinutes(Integer.toString(minutes), IllegalArgumentException::new);
        assertEquals(Instant.parse(expected), schedule.nextRetry(Instant.parse(now)));
    }

    @Test
    void theNextWakeUpIsTheRetryWhenDaysWaitAndItComesBeforeTheTick() {
        ScheduleSettings schedule = ScheduleSettings.defaults();
        List<DueDay> waiting = List.of(new DueDay(java.time.LocalDate.parse("2026-03-02"), RunReason.NIGHTLY, ""));
        Instant now = Instant.parse("2026-03-03T02:30:05Z");

        NextWakeUp idle = NextWakeUp.after(now, schedule, List.of());
        NextWakeUp retry = NextWakeUp.after(now, schedule, waiting);
        NextWakeUp tick = NextWakeUp.after(Instant.parse("2026-03-04T02:20:00Z"), schedule, waiting);

        assertEquals(
                new NextWakeUp(Instant.parse("2026-03-04T02:30:00Z"), Instant.parse("2026-03-04T02:30:00Z"), false, 0),
                idle);
        assertEquals(Instant.parse("2026-03-03T02:45:00Z"), retry.at());
        assertEquals("; 1 waiting day tried again at 2026-03-03T02:45:00Z", retry.retryNote());
        assertEquals(Instant.parse("2026-03-04T02:30:00Z"), tick.at(), "the tick's full pass comes first");
        assertEquals("", tick.retryNote());
    }

    @Test
    void aBadRetryIntervalIsRefusedWithItsLine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(file, "schedule.retry-minutes = 0\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScheduleSettings.load(file));
        assertTrue(
                e.getMessage()
                        .startsWith(file + ":1: schedule.retry-minutes = '0': expected a whole number of "
                                + "minutes from 1 to 1440"),
                e.getMessage());
        assertEquals(15, ScheduleSettings.load(null).retryMinutes(), "the default");
        assertEquals("every 15 minutes", ScheduleSettings.load(null).retryEvery());
        assertEquals(
                "every minute",
                ScheduleSettings.defaults()
                        .withRetryMinutes("1", IllegalArgumentException::new)
                        .retryEvery());
    }
}
