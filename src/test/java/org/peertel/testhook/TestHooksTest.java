package org.peertel.testhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.ExitCode;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.TestHooks.Arming;

class TestHooksTest {

    static final String POINTS = "the points are attribute-chunk-written, aggregate-partition-written, "
            + "publish-before-commit, publish-committed, "
            + "atomic-file-before-rename, report-between-customers, delivery-sent-not-recorded, "
            + "retention-before-rename, retention-archived, retention-delete-before-commit";

    @TempDir
    Path work;

    static Stream<Arguments> armed() {
        return Stream.of(
                Arguments.of(
                        "nothing set: nothing armed, nothing said",
                        Map.of(),
                        new Arming(null, null, 0, null),
                        List.of()),
                Arguments.of(
                        "a crash point",
                        Map.of(TestHooks.CRASH_AT, "publish-before-commit"),
                        new Arming(CrashPoint.PUBLISH_BEFORE_COMMIT, null, 0, null),
                        List.of("peertel: TEST HOOK ARMED: peertel.test-hook.crash-at=publish-before-commit: "
                                + "this process will stop dead at that point; never set it outside tests")),
                Arguments.of(
                        "a pause point",
                        Map.of(TestHooks.PAUSE_AT, "attribute-chunk-written:3000"),
                        new Arming(null, CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 3000, null),
                        List.of("peertel: TEST HOOK ARMED: peertel.test-hook.pause-at=attribute-chunk-written:3000: "
                                + "this process will pause 3000 ms at that point; never set it outside tests")),
                Arguments.of(
                        "both, each said",
                        Map.of(
                                TestHooks.CRASH_AT,
                                "publish-committed",
                                TestHooks.PAUSE_AT,
                                "report-between-customers:0"),
                        new Arming(CrashPoint.PUBLISH_COMMITTED, CrashPoint.REPORT_BETWEEN_CUSTOMERS, 0, null),
                        List.of(
                                "peertel: TEST HOOK ARMED: peertel.test-hook.crash-at=publish-committed: "
                                        + "this process will stop dead at that point; never set it outside tests",
                                "peertel: TEST HOOK ARMED: peertel.test-hook.pause-at=report-between-customers:0: "
                                        + "this process will pause 0 ms at that point; never set it outside tests")),
                Arguments.of(
                        "the clock of schedule's passes",
                        Map.of(TestHooks.NOW, "2026-03-03T02:30:00Z"),
                        new Arming(null, null, 0, Instant.parse("2026-03-03T02:30:00Z")),
                        List.of("peertel: TEST HOOK ARMED: peertel.test-hook.now=2026-03-03T02:30:00Z: "
                                + "this process will take that instant for now; never set it outside tests")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("armed")
    void readsWhatTheTwoPropertiesArm(
            String description, Map<String, String> properties, Arming expected, List<String> warnings) {
        // when
        Arming arming = Arming.read(properties::get);

        // then
        assertEquals(expected, arming);
        assertEquals(warnings, arming.warnings());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "a misspelt crash point",
                        TestHooks.CRASH_AT,
                        "publish-before-comit",
                        "peertel.test-hook.crash-at=publish-before-comit: 'publish-before-comit' is no crash point; "
                                + POINTS),
                Arguments.of(
                        "an empty crash point",
                        TestHooks.CRASH_AT,
                        "",
                        "peertel.test-hook.crash-at=: '' is no crash point; " + POINTS),
                Arguments.of(
                        "the enum constant instead of the name",
                        TestHooks.CRASH_AT,
                        "PUBLISH_COMMITTED",
                        "peertel.test-hook.crash-at=PUBLISH_COMMITTED: 'PUBLISH_COMMITTED' is no crash point; "
                                + POINTS),
                Arguments.of(
                        "a pause without millis",
                        TestHooks.PAUSE_AT,
                        "attribute-chunk-written",
                        "peertel.test-hook.pause-at=attribute-chunk-written: expected name:millis"),
                Arguments.of(
                        "a pause at no point",
                        TestHooks.PAUSE_AT,
                        "nowhere:10",
                        "peertel.test-hook.pause-at=nowhere:10: 'nowhere' is no crash point; " + POINTS),
                Arguments.of(
                        "a pause of words",
                        TestHooks.PAUSE_AT,
                        "attribute-chunk-written:soon",
                        "peertel.test-hook.pause-at=attribute-chunk-written:soon: "
                                + "'soon' is not a number of milliseconds"),
                Arguments.of(
                        "a negative pause",
                        TestHooks.PAUSE_AT,
                        "attribute-chunk-written:-5",
                        "peertel.test-hook.pause-at=attribute-chunk-written:-5: "
                                + "'-5' is not a number of milliseconds"),
                Arguments.of(
                        "a day, not an instant",
                        TestHooks.NOW,
                        "2026-03-03",
                        "peertel.test-hook.now=2026-03-03: not an ISO instant such as 2026-03-03T02:30:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesAValueThatArmsNothing(String description, String property, String value, String message) {
        // when
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Arming.read(Map.of(property, value)::get));

        // then
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CrashPoint.class)
    void everyPointIsFoundByItsCommandLineName(CrashPoint point) {
        assertEquals(point, CrashPoint.named(point.commandLineName()));
        assertTrue(point.commandLineName().matches("[a-z]+(-[a-z]+)*"), point.commandLineName());
        assertEquals(
                1,
                Arrays.stream(CrashPoint.values())
                        .filter(other -> other.commandLineName().equals(point.commandLineName()))
                        .count(),
                "unique");
    }

    @Test
    void anArmedHookIsSaidOnStderrAndLeavesStdoutAlone() throws Exception {
        // when: a command that reaches no point, with a pause armed
        Process child = start(TestHooks.pauseAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 1), "--version");

        // then
        assertEquals(0, child.exitValue());
        assertEquals("peertel 0.1.0\n", stdout(child));
        assertEquals(
                "peertel: TEST HOOK ARMED: peertel.test-hook.pause-at=attribute-chunk-written:1: "
                        + "this process will pause 1 ms at that point; never set it outside tests\n",
                stderr());
    }

    @Test
    void aValueThatArmsNothingStopsTheProcessBeforeItWritesAnything() throws Exception {
        // when
        Process child = start(
                "-D" + TestHooks.CRASH_AT + "=publish-before-comit",
                "run",
                "--date",
                "2026-03-02",
                "--connections",
                "sample-data/connections.csv",
                "--input",
                "sample-data/latency",
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString());

        // then
        assertEquals(ExitCode.BAD_USAGE, child.exitValue());
        assertEquals("", stdout(child));
        assertEquals(
                "peertel: peertel.test-hook.crash-at=publish-before-comit: 'publish-before-comit' is no crash "
                        + "point; " + POINTS + "\n",
                stderr());
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(work.resolve("child.err")), files.toList(), "nothing written");
        }
    }

    /** Runs peertel in a child JVM with one JVM option, to its end; stderr goes to child.err. */
    private Process start(String option, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                option,
                PeertelMain.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(SampleBgpOff.command(command))
                .redirectError(work.resolve("child.err").toFile())
                .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ended");
        return child;
    }

    private static String stdout(Process child) throws Exception {
        return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String stderr() throws Exception {
        return Files.readString(work.resolve("child.err"));
    }
}
