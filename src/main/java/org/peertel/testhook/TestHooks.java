package org.peertel.testhook;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The system properties that arm a test hook, read once. Two arm a {@link CrashPoint}: {@value #CRASH_AT} names a
 * point: there the process prints {@value #CRASH_MARKER} and the point's name on stdout, flushes, and blocks until the
 * test kills it (SIGKILL). {@value #PAUSE_AT} ({@code name:millis}) prints {@value #PAUSE_MARKER} and the name there
 * and pauses, so that a test can signal a run in the middle of a step. {@value #NOW} (an ISO instant) starts the clock
 * of {@code schedule}'s passes at that instant ({@link #clock()}). Production runs set none; {@link #warnIfArmed} makes
 * a leftover one loud at start-up, and a value that names no point is refused rather than ignored.
 */
public final class TestHooks {

    /** Names the point where the process blocks until killed (and halts if nobody kills it in 300 s). */
    public static final String CRASH_AT = "peertel.test-hook.crash-at";

    /** {@code name:millis}: the point where the process pauses that long, then goes on. */
    public static final String PAUSE_AT = "peertel.test-hook.pause-at";

    /** An ISO instant: the clock of {@code schedule}'s passes starts there and runs on. */
    public static final String NOW = "peertel.test-hook.now";

    /** Printed on stdout, followed by the point's name, when the armed crash point is reached. */
    public static final String CRASH_MARKER = "CRASH-POINT ";

    /** Printed on stdout, followed by the point's name, when the armed pause point is reached. */
    public static final String PAUSE_MARKER = "PAUSE-POINT ";

    private static final long CRASH_WAIT_NANOS = 300_000_000_000L;

    private TestHooks() {}

    /**
     * What {@code main} does first, before anything is written: one line on {@code err} for every armed hook
     * ({@code peertel: TEST HOOK ARMED: ...}); nothing when none is.
     *
     * @throws IllegalArgumentException if a property names no crash point, or a pause has no valid millis; the
     *                                  message shows the property and its value
     */
    public static void warnIfArmed(PrintStream err) {
        Arming.read(System::getProperty).warnings().forEach(err::println);
        err.flush();
    }

    /** The JVM option ({@code -D...}) that arms {@code point} to stop a test's child JVM dead. */
    public static String crashAtOption(CrashPoint point) {
        return "-D" + CRASH_AT + "=" + point.commandLineName();
    }

    /** The JVM option ({@code -D...}) that arms {@code point} to pause a test's child JVM for {@code millis}. */
    public static String pauseAtOption(CrashPoint point, long millis) {
        return "-D" + PAUSE_AT + "=" + point.commandLineName() + ":" + millis;
    }

    /**
     * The clock of {@code schedule}'s passes and of {@code status}: the system's UTC clock, or one started at the instant {@value #NOW}
     * names and running on from there.
     */
    public static Clock clock() {
        Instant now = Armed.AT_START.now();
        Clock system = Clock.systemUTC();
        return now == null ? system : Clock.offset(system, Duration.between(system.instant(), now));
    }

    static void reach(CrashPoint point) {
        Arming arming = Armed.AT_START;
        if (point == arming.pauseAt()) {
            pause(point, arming.pauseMillis());
        }
        if (point == arming.crashAt()) {
            crash(point);
        }
    }

    private static void pause(CrashPoint point, long millis) {
        System.out.println(PAUSE_MARKER + point.commandLineName());
        System.out.flush();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void crash(CrashPoint point) {
        System.out.println(CRASH_MARKER + point.commandLineName());
        System.out.flush();
        long deadline = System.nanoTime() + CRASH_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // keep waiting for the kill: the point is to die here, not to carry on
            }
        }
        Runtime.getRuntime().halt(137); // nobody killed us: never continue past a crash point
    }

    /** The properties as the JVM started with them, read when the first point is reached. */
    private static final class Armed {
        static final Arming AT_START = Arming.read(System::getProperty);
    }

    /**
     * What the properties armed: a point to crash at, a point to pause at and for how long, the instant the clock
     * starts at (null: none).
     */
    record Arming(CrashPoint crashAt, CrashPoint pauseAt, long pauseMillis, Instant now) {

        /**
         * Reads the properties through {@code property} (null: unset).
         *
         * @throws IllegalArgumentException if a value names no crash point, a pause has no valid millis or the
         *                                  instant is not an ISO instant
         */
        static Arming read(UnaryOperator<String> property) {
            String crash = property.apply(CRASH_AT);
            String pause = property.apply(PAUSE_AT);
            CrashPoint crashAt = crash == null ? null : named(CRASH_AT, crash, crash);
            Instant now = instant(property.apply(NOW));
            if (pause == null) {
                return new Arming(crashAt, null, 0, now);
            }
            int colon = pause.lastIndexOf(':');
            if (colon < 0) {
                throw refused(PAUSE_AT, pause, "expected name:millis");
            }
            CrashPoint pauseAt = named(PAUSE_AT, pause, pause.substring(0, colon));
            String millis = pause.substring(colon + 1);
            if (!millis.matches("[0-9]{1,9}")) {
                throw refused(PAUSE_AT, pause, "'" + millis + "' is not a number of milliseconds");
            }
            return new Arming(crashAt, pauseAt, Long.parseLong(millis), now);
        }

        private static Instant instant(String text) {
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw refused(NOW, text, "not an ISO instant such as 2026-03-03T02:30:00Z");
            }
        }

        /** One warning line per armed hook, for stderr. */
        List<String> warnings() {
            List<String> warnings = new ArrayList<>(3);
            if (crashAt != null) {
                warnings.add(warning(CRASH_AT + "=" + crashAt.commandLineName(), "stop dead at that point"));
            }
            if (pauseAt != null) {
                warnings.add(warning(
                        PAUSE_AT + "=" + pauseAt.commandLineName() + ":" + pauseMillis,
                        "pause " + pauseMillis + " ms at that point"));
            }
            if (now != null) {
                warnings.add(warning(NOW + "=" + now, "take that instant for now"));
            }
            return warnings;
        }

        private static String warning(String setting, String effect) {
            return "peertel: TEST HOOK ARMED: " + setting + ": this process will " + effect
                    + "; never set it outside tests";
        }

        private static CrashPoint named(String property, String value, String name) {
            try {
                return CrashPoint.named(name);
            } catch (IllegalArgumentException e) {
                throw refused(property, value, e.getMessage());
            }
        }

        private static IllegalArgumentException refused(String property, String value, String why) {
            return new IllegalArgumentException(property + "=" + value + ": " + why);
        }
    }
}
