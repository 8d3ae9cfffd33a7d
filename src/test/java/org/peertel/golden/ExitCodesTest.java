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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.ExitCode;
import org.peertel.cli.PeertelMain;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * One row of the exit-code table per case, provoked through the real command line in a child JVM, signals
 * included: what the process exits with, and what it leaves (the day's files, the job repository's record, the
 * attempt log's line with the same exit code, what it says on stderr).
 */
class ExitCodesTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final String DAY = "2026-03-02";

    /** How a case ends its child: it runs to its end, or gets a signal once it printed a line starting so. */
    enum Ending {
        RUNS_TO_ITS_END(null, null),
        SIGINT_MID_DAY("INT", TestHooks.PAUSE_MARKER),
        SIGTERM_MID_DAY("TERM", TestHooks.PAUSE_MARKER),
        SIGINT_WHILE_IDLE("INT", "peertel schedule: next pass at"),
        SIGTERM_WHILE_IDLE("TERM", "peertel schedule: next pass at");

        final String signal;
        final String after;

        Ending(String signal, String after) {
            this.signal = signal;
            this.after = after;
        }
    }

    /** The input a case gets: the golden day, the golden day with a corrupt gzip file beside it, or no folder. */
    enum Input {
        GOOD_DAY,
        CORRUPT_FILE,
        NO_DAY_FOLDER
    }

    record Case(
            String description,
            Input input,
            List<String> command,
            Ending ending,
            int exitCode,
            String status,
            boolean runSummaryWritten,
            List<String> saysOnStderr) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> table() {
        List<String> run = List.of("run", "--date", DAY);
        List<String> schedule = List.of("schedule");
        List<String> once = List.of("schedule", "--once");
        return Stream.of(
                        new Case(
                                "run: the day completed",
                                Input.GOOD_DAY,
                                run,
                                Ending.RUNS_TO_ITS_END,
                                ExitCode.OK,
                                "COMPLETED",
                                true,
                                List.of()),
                        new Case(
                                "run: a bad input file fails the day",
                                Input.CORRUPT_FILE,
                                run,
                                Ending.RUNS_TO_ITS_END,
                                ExitCode.FAILED,
                                "FAILED",
                                false,
                                List.of(DAY + " failed (FAILED): bad input file")),
                        new Case(
                                "run: bad usage",
                                Input.GOOD_DAY,
                                List.of("run", "--date", "2026-02-30"),
                                Ending.RUNS_TO_ITS_END,
                                ExitCode.BAD_USAGE,
                                null,
                                false,
                                List.of("--date")),
                        new Case(
                                "run: no input folder, nothing written",
                                Input.NO_DAY_FOLDER,
                                run,
                                Ending.RUNS_TO_ITS_END,
                                ExitCode.BAD_USAGE,
                                null,
                                false,
                                List.of("no input folder")),
                        new Case(
                                "run: SIGINT while the day runs",
                                Input.GOOD_DAY,
                                run,
                                Ending.SIGINT_MID_DAY,
                                ExitCode.INTERRUPTED,
                                "STOPPED",
                                false,
                                List.of(
                                        DAY + " stops at its next chunk",
                                        DAY + " stopped on request; run the same command")),
                        new Case(
                                "run: SIGTERM while the day runs",
                                Input.GOOD_DAY,
                                run,
                                Ending.SIGTERM_MID_DAY,
                                ExitCode.TERMINATED,
                                "STOPPED",
                                false,
                                List.of(
                                        DAY + " stops at its next chunk",
                                        DAY + " stopped on request; run the same command")),
                        new Case(
                                "schedule --once: the pass completed",
                                Input.GOOD_DAY,
                                once,
                                Ending.RUNS_TO_ITS_END,
                                ExitCode.OK,
                                "COMPLETED",
                                true,
                                List.of()),
                        new Case(
                                "schedule --once: a day of the pass failed",
                                Input.CORRUPT_FILE,
                                once,
                                Ending.RUNS_TO_ITS_END,
                                ExitCode.FAILED,
                                "FAILED",
                                false,
                                List.of(DAY + ": FAILED (bad input file")),
                        new Case(
                                "schedule: SIGTERM while a day runs",
                                Input.GOOD_DAY,
                                schedule,
                                Ending.SIGTERM_MID_DAY,
                                ExitCode.TERMINATED,
                                "STOPPED",
                                false,
                                List.of(DAY + ": stopped on request; the next start resumes it")),
                        new Case(
                                "schedule: SIGTERM between passes",
                                Input.NO_DAY_FOLDER,
                                schedule,
                                Ending.SIGTERM_WHILE_IDLE,
                                ExitCode.OK,
                                null,
                                false,
                                List.of("no day is running")),
                        new Case(
                                "schedule: SIGINT between passes",
                                Input.NO_DAY_FOLDER,
                                schedule,
                                Ending.SIGINT_WHILE_IDLE,
                                ExitCode.OK,
                                null,
                                false,
                                List.of("no day is running")))
                .map(Arguments::of);
    }

    @TempDir
    Path work;

    private Process child;

    @BeforeEach
    void settings() throws IOException {
        // small chunks, so that a stop lands inside the day's reading
        Files.writeString(
                work.resolve("telemetry.properties"),
                "chunk-size = 50\nalerts = "
                        + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n");
    }

    @AfterEach
    void stopTheChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyRowOfTheTableIsWhatTheProcessExitsWith(Case c) throws Exception {
        // given
        Path input = input(c.input());

        // when
        child = start(c, input);
        if (c.ending().signal != null) {
            waitForLine(child, c.ending().after);
            new ProcessBuilder("kill", "-" + c.ending().signal, Long.toString(child.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } else {
            child.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ends").isTrue();

        // then
        String err = Files.readString(work.resolve("child.err"));
        assertThat(child.exitValue()).as("exit code; stderr:%n%s", err).isEqualTo(c.exitCode());
        for (String said : c.saysOnStderr()) {
            assertThat(err).contains(said);
        }
        assertThat(err)
                .as("no stack trace, no advice to resume what never ran")
                .doesNotContain("Exception", "\tat ")
                .satisfies(text -> {
                    if (c.ending() == Ending.SIGINT_WHILE_IDLE || c.ending() == Ending.SIGTERM_WHILE_IDLE) {
                        assertThat(text).doesNotContain("resume", "run the same command");
                    }
                });
        assertThat(Files.exists(work.resolve("out/runs/" + DAY + ".json")))
                .as("runs/%s.json written", DAY)
                .isEqualTo(c.runSummaryWritten());
        if (c.status() == null) {
            assertThat(JobHistoryTable.instancesIfAny(work.resolve("t-jobs"))).isEmpty();
        } else {
            assertThat(JobHistoryTable.instances(work.resolve("t-jobs")))
                    .containsExactly(DAY + " attempt 1: " + c.status());
        }
        if (c.exitCode() == ExitCode.BAD_USAGE) {
            assertThat(work.resolve("out")).as("nothing written").doesNotExist();
        }
        // and: one line in the attempt log per attempt (none for a schedule whose only pass had nothing to do), with
        // the exit code the process returned
        AttemptLog.Contents log = AttemptLog.read(work.resolve("t.duckdb.attempts.jsonl"));
        assertThat(log.malformedLines()).isEmpty();
        boolean idle = c.ending() == Ending.SIGINT_WHILE_IDLE || c.ending() == Ending.SIGTERM_WHILE_IDLE;
        assertThat(log.attempts()).hasSize(idle ? 0 : 1);
        for (Attempt attempt : log.attempts()) {
            assertThat(attempt.exitCode()).isEqualTo(child.exitValue());
            assertThat(attempt.outcome()).isEqualTo(outcome(child.exitValue()));
            assertThat(attempt.command()).isEqualTo(c.command().get(0));
            assertThat(attempt.pid()).isEqualTo(child.pid());
            assertThat(attempt.reason().isEmpty()).isEqualTo(c.exitCode() == ExitCode.OK);
            if (c.exitCode() == ExitCode.FAILED) {
                assertThat(attempt.reason()).startsWith(DAY + " FAILED: attributeStep: bad input file ");
            }
            if (c.exitCode() == ExitCode.BAD_USAGE) {
                c.saysOnStderr().forEach(said -> assertThat(attempt.reason()).contains(said));
            }
        }
        Path lock = work.resolve("t.duckdb.lock");
        assertThat(!Files.exists(lock)
                        || Files.readString(lock, StandardCharsets.UTF_8).isEmpty())
                .as("the run lock is released")
                .isTrue();
    }

    /** The outcome each exit code stands for, as docs/operating.md's table of the attempt log says. */
    private static Attempt.Outcome outcome(int exitCode) {
        return switch (exitCode) {
            case ExitCode.OK -> Attempt.Outcome.COMPLETED;
            case ExitCode.FAILED -> Attempt.Outcome.FAILED;
            case ExitCode.BAD_USAGE -> Attempt.Outcome.NOT_STARTED;
            case ExitCode.INTERRUPTED, ExitCode.TERMINATED -> Attempt.Outcome.STOPPED;
            default -> throw new AssertionError("no such exit code " + exitCode);
        };
    }

    private Path input(Input kind) throws IOException {
        Path input = work.resolve("latency");
        Files.createDirectories(input);
        if (kind == Input.NO_DAY_FOLDER) {
            return input;
        }
        Path day = Files.createDirectories(input.resolve(DAY));
        try (Stream<Path> files = Files.list(CASE.resolve("input/latency").resolve(DAY))) {
            for (Path file : files.toList()) {
                Files.copy(file, day.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (kind == Input.CORRUPT_FILE) {
            // the gzip signature, then bytes that are no deflate stream
            Files.write(
                    day.resolve("zz-broken.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, -1, -1});
        }
        return input;
    }

    private Process start(Case c, Path input) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> line = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                // the scheduler's clock: its start-up pass is due for the day before
                "-D" + TestHooks.NOW + "=2026-03-03T02:30:00Z"));
        if (c.ending() == Ending.SIGINT_MID_DAY || c.ending() == Ending.SIGTERM_MID_DAY) {
            line.add(TestHooks.pauseAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 3_000));
        }
        line.add(PeertelMain.class.getName());
        line.addAll(c.command());
        line.addAll(List.of(
                "--settings",
                work.resolve("telemetry.properties").toString(),
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

    /** Reads the child's stdout until a line starts with {@code prefix}, then leaves the rest to a drain thread. */
    private static void waitForLine(Process child, String prefix) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(prefix)) {
            // not yet
        }
        assertThat(line)
                .as("the child printed a line starting with '%s'", prefix)
                .isNotNull();
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
    }
}
