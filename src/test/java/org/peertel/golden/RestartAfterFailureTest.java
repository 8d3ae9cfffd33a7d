package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;

/**
 * A day that fails part-way is restarted as the same Spring Batch job instance: the steps that completed are
 * not run again, and the outputs equal those of an uninterrupted run. A completed day run again is a new
 * instance (the next attempt), so the history keeps both.
 */
class RestartAfterFailureTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void aFailedDayIsRestartedWhereItStoppedAndEndsLikeAnUninterruptedRun() throws Exception {
        // given: alerts/2026-03-02.csv cannot be written, so the first day fails in alertStep after publishStep
        // completed (a file in the way of alerts/ itself would stop the run before it starts)
        Path out = work.resolve("out");
        Files.createDirectories(out);
        Files.createDirectories(out.resolve("alerts/2026-03-02.csv")); // a folder where the file goes

        // when
        StringWriter err = new StringWriter();
        int first = run(err, "--from", "2026-03-02", "--to", "2026-03-03");

        // then: exit 1, one clear message, the next day not started
        assertEquals(1, first);
        assertTrue(err.toString().contains("2026-03-02 failed (FAILED)"), err.toString());
        assertTrue(err.toString().contains("run the same command again"), err.toString());
        assertFalse(Files.exists(out.resolve("runs/2026-03-02.json")), "no run summary for a failed day");

        // when: the cause is fixed and the same command runs again
        Files.delete(out.resolve("alerts/2026-03-02.csv"));
        assertEquals(0, run(new StringWriter(), "--from", "2026-03-02", "--to", "2026-03-03"));

        // then
        Map<String, String> expected = OutputTree.read(CASE.resolve("expected"));
        Map<String, String> actual = OutputTree.daysOnly(OutputTree.read(out));
        for (String file : actual.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
        assertEquals(
                2 + 2 + 2 + 2 + 3 * 3 * 2,
                actual.size(),
                "alerts, resolved incidents, rejects, runs and 3 customers' reports, 2 days");
        assertEquals(List.of("2026-03-02 attempt 1: FAILED, COMPLETED", "2026-03-03 attempt 1: COMPLETED"), history());
        assertEquals(
                List.of("alertStep", "reportStep", "retentionStep"),
                stepsOfLastExecution("2026-03-02"),
                "the restart ran only the steps that had not completed");

        // when: a completed day is run again
        assertEquals(0, run(new StringWriter(), "--date", "2026-03-02"));

        // then
        assertEquals(
                List.of(
                        "2026-03-02 attempt 1: FAILED, COMPLETED",
                        "2026-03-02 attempt 2: COMPLETED",
                        "2026-03-03 attempt 1: COMPLETED"),
                history());
        assertEquals(actual, OutputTree.daysOnly(OutputTree.read(out)));
    }

    private int run(StringWriter err, String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--connections",
                CASE.resolve("input/connections.csv").toString(),
                "--input",
                CASE.resolve("input/latency").toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        args.addAll(List.of(days));
        return SampleBgpOff.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
    }

    private List<String> history() throws Exception {
        return JobHistoryTable.instances(work.resolve("t-jobs"));
    }

    private List<String> stepsOfLastExecution(String day) throws Exception {
        List<String> steps = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("t-jobs"));
                ResultSet rs = connection.createStatement().executeQuery("""
                     SELECT s.STEP_NAME FROM BATCH_STEP_EXECUTION s
                     WHERE s.JOB_EXECUTION_ID = (SELECT max(p.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION_PARAMS p
                                                 WHERE p.PARAMETER_NAME = 'date' AND p.PARAMETER_VALUE = '%s')
                     ORDER BY s.STEP_EXECUTION_ID""".formatted(day))) {
            while (rs.next()) {
                steps.add(rs.getString(1));
            }
        }
        return steps;
    }
}
