package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/** Two processes on one database: the second exits 2 naming the first; once the first dies, the lock is free. */
class RunLockAcrossProcessesTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void aSecondProcessIsRefusedUntilTheHolderDies() throws Exception {
        // given: a child JVM in the middle of a day (paused after its first chunk)
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                TestHooks.pauseAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 60_000),
                PeertelMain.class.getName()));
        command.addAll(arguments("2026-03-02"));
        Process child = new ProcessBuilder(SampleBgpOff.command(command))
                .redirectError(work.resolve("child.err").toFile())
                .start();
        try {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.startsWith(TestHooks.PAUSE_MARKER)) {
                    // wait until the child holds the lock and is working
                }
            }

            // when
            StringWriter err = new StringWriter();
            int code = SampleBgpOff.execute(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err),
                    arguments("2026-03-03").toArray(String[]::new));

            // then
            assertEquals(2, code, err.toString());
            assertTrue(
                    err.toString()
                            .contains("another peertel run is working on " + work.resolve("t.duckdb") + ": pid "
                                    + child.pid() + " on "),
                    err.toString());
            assertTrue(err.toString().contains("'peertel run --date 2026-03-02 "), err.toString());
            assertTrue(Files.notExists(work.resolve("out/runs/2026-03-03.json")), "the refused run wrote nothing");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        // when: the holder is gone (killed, no clean-up), the same run goes through
        int code = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                arguments("2026-03-03").toArray(String[]::new));

        // then
        assertEquals(0, code);
        assertEquals(
                OutputTree.read(CASE.resolve("expected")).get("runs/2026-03-03.json"),
                OutputTree.read(work.resolve("out")).get("runs/2026-03-03.json"));
    }

    private List<String> arguments(String day) {
        return SampleBgpOff.unlessAsked(List.of(
                "run",
                "--date",
                day,
                "--connections",
                CASE.resolve("input/connections.csv").toAbsolutePath().toString(),
                "--input",
                CASE.resolve("input/latency").toAbsolutePath().toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
    }
}
