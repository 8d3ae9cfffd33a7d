package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * A run leaves no native library in the temporary folder, finished or killed (issue 12: DuckDB's driver copied its
 * 72 MB library there at every start, Arrow its small one, and a run killed with kill -9 left both copies behind).
 * Each run is a child JVM with the class path of {@code java -jar target/peertel.jar} ({@link ChildJvm}) and a
 * temporary folder of its own ({@code -Djava.io.tmpdir}), which the test lists.
 */
class NativeLibrariesTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @TempDir
    Path tmp;

    @Test
    void aFinishedRunLeavesNoNativeLibraryInTheTemporaryFolder() throws Exception {
        // when
        int code = runToItsEnd("2026-03-02");

        // then
        assertEquals(0, code, Files.readString(work.resolve("child.err")));
        assertEquals(List.of(), nativeLibraries(), "left in the temporary folder: " + listing());
        assertDayWritten("2026-03-02");
    }

    @Test
    void aRunKilledInPublishStepLeavesNoNativeLibraryInTheTemporaryFolder() throws Exception {
        // given: a run stopped dead inside publishStep, when both DuckDB's and Arrow's libraries are loaded
        Process killed = start(TestHooks.crashAtOption(CrashPoint.PUBLISH_BEFORE_COMMIT), "2026-03-03");
        try {
            String marker = CompletableFuture.supplyAsync(() -> ChildJvm.crashMarker(killed))
                    .get(120, TimeUnit.SECONDS);
            assertEquals(
                    TestHooks.CRASH_MARKER + CrashPoint.PUBLISH_BEFORE_COMMIT.commandLineName(),
                    marker,
                    Files.readString(work.resolve("child.err")));

            // then: nothing was unpacked for it
            assertEquals(List.of(), nativeLibraries(), "while the run was in publishStep: " + listing());
        } finally {
            killed.destroyForcibly(); // SIGKILL
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS), "the child died");
        }

        // then: nothing is left by the kill
        assertEquals(List.of(), nativeLibraries(), "after kill -9: " + listing());

        // when: the same command again, to its end
        int code = runToItsEnd("2026-03-03");

        // then
        assertEquals(0, code, Files.readString(work.resolve("child.err")));
        assertEquals(List.of(), nativeLibraries(), "after the restart: " + listing());
        assertDayWritten("2026-03-03");
    }

    /** The day's outputs are there, equal to the golden ones. */
    private void assertDayWritten(String day) throws IOException {
        Map<String, String> expected = OutputTree.read(CASE.resolve("expected"));
        Map<String, String> actual = OutputTree.daysOnly(OutputTree.read(work.resolve("out")));
        // alerts, resolved incidents, rejects, run summary, and 3 customers' 3 reports
        assertEquals(1 + 1 + 1 + 1 + 3 * 3, actual.size(), actual.keySet().toString());
        actual.forEach((file, text) -> {
            assertTrue(file.contains(day), file);
            if (!file.endsWith("-resolved.csv")) { // what resolves on a day depends on the days before, not run here
                assertEquals(expected.get(file), text, file);
            }
        });
    }

    /** Files under the temporary folder that are, or look like, a copy of a native library. */
    private List<String> nativeLibraries() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> tmp.relativize(file).toString())
                    .filter(NativeLibrariesTest::looksNative)
                    .toList();
        }
    }

    private static boolean looksNative(String name) {
        String file = Path.of(name).getFileName().toString();
        return file.startsWith("libduckdb_java")
                || file.startsWith("jnilib-")
                || file.matches(".*\\.(so|dll|dylib)([._].*)?");
    }

    private String listing() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.map(file -> tmp.relativize(file) + (Files.isDirectory(file) ? "/" : ""))
                    .toList()
                    .toString();
        }
    }

    /** Runs {@code peertel run --date day} in a child JVM to its end (killed after 120 s); returns its exit code. */
    private int runToItsEnd(String day) throws Exception {
        Process run = start(null, day);
        try {
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run ended in 120 s");
            return run.exitValue();
        } finally {
            run.destroyForcibly(); // nothing left running if it did not end
        }
    }

    /** Starts {@code peertel run --date day} in a child JVM whose temporary folder is {@link #tmp}. */
    private Process start(String hookOption, String day) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                ChildJvm.classPath()));
        if (hookOption != null) {
            command.add(hookOption);
        }
        command.add(PeertelMain.class.getName());
        command.addAll(List.of(
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
        // stdout: read by the test when a hook is armed (its marker), else kept in a file
        return new ProcessBuilder(SampleBgpOff.command(command))
                .redirectOutput(
                        hookOption != null
                                ? ProcessBuilder.Redirect.PIPE
                                : ProcessBuilder.Redirect.to(
                                        work.resolve("child.out").toFile()))
                .redirectError(work.resolve("child.err").toFile())
                .start();
    }
}
