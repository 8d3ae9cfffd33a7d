package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REGRESSION baselines look back 7 days, so a day processed (or re-processed) after the days that follow it
 * changes their alerts. Whatever the order of runs, every output must end as one clean run writes it.
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
        Map<String, String> expected =
                OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), GoldenJobTest.days(CASE));
        String alertsBefore = Files.readString(out.resolve("alerts/2026-03-07.csv"));
        assertNotEquals(expected.get("alerts/2026-03-07.csv"), alertsBefore, "no baseline yet");
        FileTime reportTime = stamp(out.resolve("reports/globex/2026-03-07.csv"));

        // when: the earlier days arrive
        GoldenJobTest.run(CASE, out, db, "--from", "2026-03-02", "--to", "2026-03-05");

        // then: every file, the later days' alert files and run summaries included, equals the clean run's
        Map<String, String> actual = OutputTree.daysOnly(OutputTree.read(out));
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
        assertEquals(
                OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), GoldenJobTest.days(CASE)),
                OutputTree.daysOnly(OutputTree.read(out)));
    }

    /** Sets a file's time to a fixed past instant, so that a rewrite is visible whatever the clock resolution. */
    private static FileTime stamp(Path file) throws IOException {
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, past);
        return past;
    }
}
