package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/** SIGTERM during a pass of {@code peertel schedule}: the day stops cleanly and the next start resumes it. */
class ScheduleStopTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void aStoppedNightIsResumedByTheNextStart() throws Exception {
        // given: the scheduler starts at 2026-03-03 02:30 UTC, so its start-up pass processes 2026-03-02
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(
                settings,
                "chunk-size = 50\nalerts = "
                        + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n");

        // when: SIGTERM while the day is being read
        Process first = start(settings, TestHooks.pauseAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 3_000), "schedule");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(TestHooks.PAUSE_MARKER)) {
                // wait for the first chunk
            }
            first.destroy();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        }

        // then
        String err = Files.readString(work.resolve("child.err"));
        assertEquals(143, first.exitValue(), err);
        assertTrue(err.contains("2026-03-02: stopped on request; the next start resumes it"), err);
        assertEquals(List.of("2026-03-02 attempt 1: STOPPED"), JobHistoryTable.instances(work.resolve("t-jobs")));

        // when: the scheduler starts again (one pass)
        Process second = start(settings, null, "schedule", "--once");
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));

        // then
        assertEquals(0, second.exitValue(), Files.readString(work.resolve("child.err")));
        assertTrue(out.contains("2026-03-02: processing (catch-up)"), out);
        assertEquals(
                List.of("2026-03-02 attempt 1: STOPPED, COMPLETED"), JobHistoryTable.instances(work.resolve("t-jobs")));
        var expected = OutputTree.read(CASE.resolve("expected"));
        var actual = OutputTree.daysOnly(OutputTree.read(work.resolve("out")));
        // alerts, resolved incidents, rejects, run summary, and 3 customers' 3 reports
        assertEquals(1 + 1 + 1 + 1 + 3 * 3, actual.size(), actual.keySet().toString());
        actual.forEach((file, text) -> assertEquals(expected.get(file), text, file));
    }

    private Process start(Path settings, String pauseOption, String... command) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> line = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                "-D" + TestHooks.NOW + "=2026-03-03T02:30:00Z"));
        if (pauseOption != null) {
            line.add(pauseOption);
        }
        line.add(PeertelMain.class.getName());
        line.addAll(List.of(command));
        line.addAll(List.of(
                "--settings",
                settings.toString(),
                "--connections",
                CASE.resolve("input/connections.csv").toAbsolutePath().toString(),
                "--input",
                CASE.resolve("input/latency").toAbsolutePath().toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        return new ProcessBuilder(SampleBgpOff.command(line))
                .redirectError(work.resolve("child.err").toFile())
                .start();
    }
}
