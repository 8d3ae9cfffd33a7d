package org.peertel.testhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.testhook.TestHooks.Arming;

class TestHooksTest {

    static final String POINTS = "the points are attribute-chunk-written, publish-before-commit, publish-committed, "
            + "atomic-file-before-rename, report-between-customers";

    static Stream<Arguments> armed() {
        return Stream.of(
                Arguments.of("nothing set: nothing armed, nothing said", Map.of(),
                        new Arming(null, null, 0), List.of()),
                Arguments.of("a crash point", Map.of(TestHooks.CRASH_AT, "publish-before-commit"),
                        new Arming(CrashPoint.PUBLISH_BEFORE_COMMIT, null, 0),
                        List.of("peertel: TEST HOOK ARMED: peertel.test-hook.crash-at=publish-before-commit: "
                                + "this process will stop dead at that point; never set it outside tests")),
                Arguments.of("a pause point", Map.of(TestHooks.PAUSE_AT, "attribute-chunk-written:3000"),
                        new Arming(null, CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 3000),
                        List.of("peertel: TEST HOOK ARMED: peertel.test-hook.pause-at=attribute-chunk-written:3000: "
                                + "this process will pause 3000 ms at that point; never set it outside tests")),
                Arguments.of("both, each said", Map.of(TestHooks.CRASH_AT, "publish-committed",
                                TestHooks.PAUSE_AT, "report-between-customers:0"),
                        new Arming(CrashPoint.PUBLISH_COMMITTED, CrashPoint.REPORT_BETWEEN_CUSTOMERS, 0),
                        List.of("peertel: TEST HOOK ARMED: peertel.test-hook.crash-at=publish-committed: "
                                        + "this process will stop dead at that point; never set it outside tests",
                                "peertel: TEST HOOK ARMED: peertel.test-hook.pause-at=report-between-customers:0: "
                                        + "this process will pause 0 ms at that point; never set it outside tests")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("armed")
    void readsWhatTheTwoPropertiesArm(String description, Map<String, String> properties, Arming expected,
                                      List<String> warnings) {
        // when
        Arming arming = Arming.read(properties::get);

        // then
        assertEquals(expected, arming);
        assertEquals(warnings, arming.warnings());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a misspelt crash point", TestHooks.CRASH_AT, "publish-before-comit",
                        "peertel.test-hook.crash-at=publish-before-comit: 'publish-before-comit' is no crash point; "
                                + POINTS),
                Arguments.of("an empty crash point", TestHooks.CRASH_AT, "",
                        "peertel.test-hook.crash-at=: '' is no crash point; " + POINTS),
                Arguments.of("the enum constant instead of the name", TestHooks.CRASH_AT, "PUBLISH_COMMITTED",
                        "peertel.test-hook.crash-at=PUBLISH_COMMITTED: 'PUBLISH_COMMITTED' is no crash point; "
                                + POINTS),
                Arguments.of("a pause without millis", TestHooks.PAUSE_AT, "attribute-chunk-written",
                        "peertel.test-hook.pause-at=attribute-chunk-written: expected name:millis"),
                Arguments.of("a pause at no point", TestHooks.PAUSE_AT, "nowhere:10",
                        "peertel.test-hook.pause-at=nowhere:10: 'nowhere' is no crash point; " + POINTS),
                Arguments.of("a pause of words", TestHooks.PAUSE_AT, "attribute-chunk-written:soon",
                        "peertel.test-hook.pause-at=attribute-chunk-written:soon: "
                                + "'soon' is not a number of milliseconds"),
                Arguments.of("a negative pause", TestHooks.PAUSE_AT, "attribute-chunk-written:-5",
                        "peertel.test-hook.pause-at=attribute-chunk-written:-5: "
                                + "'-5' is not a number of milliseconds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesAValueThatArmsNothing(String description, String property, String value, String message) {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arming.read(Map.of(property, value)::get));

        // then
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CrashPoint.class)
    void everyPointIsFoundByItsCommandLineName(CrashPoint point) {
        assertEquals(point, CrashPoint.named(point.commandLineName()));
        assertTrue(point.commandLineName().matches("[a-z]+(-[a-z]+)*"), point.commandLineName());
        assertEquals(1, Arrays.stream(CrashPoint.values())
                .filter(other -> other.commandLineName().equals(point.commandLineName())).count(), "unique");
    }
}
