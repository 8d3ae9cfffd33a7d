package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.TestHooks;

/**
 * A day folder that arrives after the nightly tick is processed at the next retry of {@code peertel schedule}
 * (every {@code schedule.retry-minutes}), not at the next night's tick: the real process, its clock started just
 * before a whole minute, retrying every minute.
 */
class LateFolderTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final String DAY = "2026-03-02";

    @TempDir
    Path work;

    private Process child;

    @AfterEach
    void stopTheChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aFolderThatArrivesAfterTheTickIsProcessedAtTheNextRetry() throws Exception {
        // given: the scheduler starts at 02:44:50 on 03-03, a tick of its own (02:30) gone by; 03-02 has no folder
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(
                settings,
                "schedule.retry-minutes = 1\nalerts = "
                        + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n");
        Path input = Files.createDirectories(work.resolve("latency"));
        child = start(settings, input);
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> said = new ArrayList<>();
        readUntil(out, said, DAY + ": waiting for " + input.resolve(DAY) + " (catch-up)");
        String next = readUntil(out, said, "peertel schedule: next pass at ");

        // when: the folder arrives, whole (moved into place)
        Path staging = Files.createDirectories(work.resolve("staging"));
        try (Stream<Path> files = Files.list(CASE.resolve("input/latency").resolve(DAY))) {
            for (Path file : files.toList()) {
                Files.copy(file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(staging, input.resolve(DAY));

        // then: a retry within the minute processes it; the pass said when, and the next tick is still a day away
        assertThat(next)
                .matches("peertel schedule: next pass at 2026-03-04T02:30:00Z; 1 waiting day tried again at "
                        + "2026-03-03T02:4[5-9]:00Z");
        readUntil(out, said, DAY + ": processing (catch-up)");
        readUntil(out, said, "peertel schedule: next pass at 2026-03-04T02:30:00Z");
        assertThat(said.get(said.size() - 1))
                .as("nothing waits any more: no retry")
                .isEqualTo("peertel schedule: next pass at 2026-03-04T02:30:00Z");
        assertThat(work.resolve("out/runs/" + DAY + ".json")).exists();
        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("stopped between passes").isZero();
    }

    private Process start(Path settings, Path input) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> line = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                "-D" + TestHooks.NOW + "=2026-03-03T02:44:50Z",
                PeertelMain.class.getName(),
                "schedule",
                "--settings",
                settings.toString(),
                "--connections",
                CASE.resolve("input/connections.csv").toAbsolutePath().toString(),
                "--input",
                input.toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        return new ProcessBuilder(SampleBgpOff.command(line))
                .redirectError(work.resolve("child.err").toFile())
                .start();
    }

    /**
     * Reads the child's stdout into {@code said} until a line starts with {@code prefix}, and returns that line
     * (the test's timeout bounds the wait: the retries come a minute apart).
     */
    private String readUntil(BufferedReader out, List<String> said, String prefix) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            said.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the scheduler never said '" + prefix + "'; it said:\n" + String.join("\n", said)
                + "\nstderr:\n" + Files.readString(work.resolve("child.err")));
    }
}
