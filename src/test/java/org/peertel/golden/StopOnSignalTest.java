package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * SIGTERM in the middle of a day: the running step stops at its next chunk, the execution is recorded STOPPED,
 * the lock is released and the process exits; the same command then restarts the day and ends like an
 * uninterrupted run.
 */
class StopOnSignalTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final List<String> DAYS = List.of("2026-03-02", "2026-03-03");

    @TempDir
    Path work;

    @Test
    void sigtermStopsTheRunningDayAndTheNextRunResumesIt() throws Exception {
        // given: small chunks, and a child JVM that pauses after its first chunk so that the signal lands mid-step
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(
                settings,
                "chunk-size = 50\nalerts = "
                        + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n");
        List<String> args = arguments(settings);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                TestHooks.pauseAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 3_000),
                PeertelMain.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(SampleBgpOff.command(command))
                .redirectError(work.resolve("child.err").toFile())
                .start();

        // when
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(TestHooks.PAUSE_MARKER)) {
                // wait for the first chunk
            }
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits after the signal");
        }

        // then
        String err = Files.readString(work.resolve("child.err"));
        assertEquals(143, child.exitValue(), "ended by SIGTERM; stderr: " + err);
        assertTrue(err.contains("stop requested"), err);
        assertTrue(err.contains("2026-03-02 stopped on request; run the same command again"), err);
        assertEquals(List.of("2026-03-02 attempt 1: STOPPED"), JobHistoryTable.instances(work.resolve("t-jobs")));
        assertFalse(Files.exists(work.resolve("out/runs/2026-03-02.json")));
        assertEquals("", Files.readString(work.resolve("t.duckdb.lock")), "the lock was released");

        // when: the same command again
        StringWriter stderr = new StringWriter();
        int code = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(stderr), args.toArray(String[]::new));

        // then
        assertEquals(0, code, stderr.toString());
        assertEquals(
                List.of("2026-03-02 attempt 1: STOPPED, COMPLETED", "2026-03-03 attempt 1: COMPLETED"),
                JobHistoryTable.instances(work.resolve("t-jobs")));
        Map<String, String> expected = OutputTree.read(CASE.resolve("expected"));
        Map<String, String> actual = OutputTree.daysOnly(OutputTree.read(work.resolve("out")));
        // alerts, resolved incidents, rejects, run summaries, and 3 customers' 3 reports, of 2 days
        assertEquals(2 + 2 + 2 + 2 + 3 * 3 * 2, actual.size(), actual.keySet().toString());
        for (String file : actual.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
    }

    private List<String> arguments(Path settings) {
        return List.of(
                "run",
                "--from",
                DAYS.get(0),
                "--to",
                DAYS.get(1),
                "--settings",
                settings.toString(),
                "--connections",
                CASE.resolve("input/connections.csv").toAbsolutePath().toString(),
                "--input",
                CASE.resolve("input/latency").toAbsolutePath().toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString());
    }
}
