package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REGRESSION baselines look back 7 days, so a day processed (or re-processed) after the days that follow it
 * changes their alerts; and an incident's lifecycle (opened, continuing, resolved) depends on every earlier day.
 * Whatever the order of runs, every output must end as one clean run writes it, the lifecycle files included.
 */
class ReprocessingOrderTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void laterDaysProcessedFirstEndWithTheAlertsOfACleanRun() throws Exception {
        // given: the last two days processed alone, without history: no REGRESSION can fire yet
        Path out = work.resolve("out");
        Path db = work.resolve("t.duckdb");
        GoldenJobTest.run(CASE, out, db, "--from", "2026-03-06", "--to", "2026-03-07");
        Map<String, String> expected = cleanRun();
        String alertsBefore = Files.readString(out.resolve("alerts/2026-03-07.csv"));
        assertNotEquals(expected.get("alerts/2026-03-07.csv"), alertsBefore, "no baseline yet");
        FileTime reportTime = stamp(out.resolve("reports/globex/2026-03-07.csv"));

        // when: the earlier days arrive
        GoldenJobTest.run(CASE, out, db, "--from", "2026-03-02", "--to", "2026-03-05");

        // then: every file, the later days' alert files and run summaries included, equals the clean run's
        Map<String, String> actual = dayFilesAndOpenIncidents(out);
        assertEquals(expected.keySet(), actual.keySet());
        for (String file : expected.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
        assertEquals(
                reportTime,
                Files.getLastModifiedTime(out.resolve("reports/globex/2026-03-07.csv")),
                "only alert files and run summaries of later days are rewritten");
    }

    @Test
    void reprocessingADayLeavesUnchangedAlertFilesOfLaterDaysUntouched() throws Exception {
        // given
        Path out = work.resolve("out");
        Path db = work.resolve("t.duckdb");
        GoldenJobTest.run(CASE, out, db, "--from", "2026-03-02", "--to", "2026-03-07");
        FileTime alertTime = stamp(out.resolve("alerts/2026-03-07.csv"));

        // when
        GoldenJobTest.run(CASE, out, db, "--date", "2026-03-04");

        // then
        assertEquals(alertTime, Files.getLastModifiedTime(out.resolve("alerts/2026-03-07.csv")));
        assertEquals(cleanRun(), dayFilesAndOpenIncidents(out));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2026-03-07 2026-03-06 2026-03-05 2026-03-04 2026-03-03 2026-03-02", // backwards, day by day
                "2026-03-02 2026-03-03 2026-03-05 2026-03-06 2026-03-07 2026-03-04", // a gap day arrives last
                "2026-03-04 2026-03-07 2026-03-02 2026-03-06 2026-03-03 2026-03-05", // shuffled
                "2026-03-06 2026-03-07 2026-03-02 2026-03-03 2026-03-04 2026-03-05 2026-03-02" // and day 1 again
            })
    void anyOrderOfDaysEndsWithTheLifecycleOfACleanRun(String order) throws Exception {
        // given
        Path out = work.resolve("out");
        Path db = work.resolve("t.duckdb");

        // when
        for (String day : order.split(" ")) {
            GoldenJobTest.run(CASE, out, db, "--date", day);
        }

        // then
        assertEquals(cleanRun(), dayFilesAndOpenIncidents(out));
    }

    @Test
    void reprocessingEveryDayAfterAChangedThresholdEndsAsACleanRunWithIt() throws Exception {
        // given: the week judged with HIGH_MEDIAN and REGRESSION thresholds no day reaches: those never opened
        Path out = work.resolve("out");
        Path db = work.resolve("t.duckdb");
        Path alerts = Files.writeString(
                work.resolve("alerts.properties"), "high_median.warning_ms = 1000\nregression.factor = 5\n");
        Path settings = Files.writeString(work.resolve("telemetry.properties"), "alerts = " + alerts + "\n");
        GoldenJobTest.run(
                CASE, out, db, "--from", "2026-03-02", "--to", "2026-03-07", "--settings", settings.toString());
        assertNotEquals(cleanRun().get("alerts/open.csv"), Files.readString(out.resolve("alerts/open.csv")));

        // when: the threshold goes back to the shipped one and the days are run again, latest first
        for (String day : List.of("2026-03-07", "2026-03-05", "2026-03-06", "2026-03-02", "2026-03-04", "2026-03-03")) {
            GoldenJobTest.run(CASE, out, db, "--date", day);
        }

        // then
        assertEquals(cleanRun(), dayFilesAndOpenIncidents(out));
    }

    /** Every file of the clean run over the week but the range and month reports, alerts/open.csv included. */
    private static Map<String, String> cleanRun() throws IOException {
        return dayFilesAndOpenIncidents(CASE.resolve("expected"));
    }

    private static Map<String, String> dayFilesAndOpenIncidents(Path out) throws IOException {
        Map<String, String> all = OutputTree.read(out);
        Map<String, String> files = OutputTree.daysOnly(all);
        files.put(OutputTree.OPEN_INCIDENTS, all.get(OutputTree.OPEN_INCIDENTS));
        return files;
    }

    /** Sets a file's time to a fixed past instant, so that a rewrite is visible whatever the clock resolution. */
    private static FileTime stamp(Path file) throws IOException {
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, past);
        return past;
    }
}
