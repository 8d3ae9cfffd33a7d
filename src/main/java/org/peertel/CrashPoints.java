package org.peertel;

/**
 * Test-only crash points. {@code reach(name)} does nothing unless the system property {@value #PROPERTY} names
 * that point: then it prints {@code CRASH-POINT <name>} to stdout, flushes, and blocks, so that a test can kill
 * the process (SIGKILL) at exactly that moment and check what a re-run makes of it (see CrashRestartTest).
 * {@value #PAUSE_PROPERTY} ({@code name:millis}) only pauses there, so that a test can send SIGTERM while a day
 * is being read (see StopOnSignalTest).
 * Production runs never set the property; the check is one string comparison against a constant.
 *
 * <p>Points: {@code attribute-chunk-written} (attributeStep wrote the spool of its first file),
 * {@code publish-before-commit} (inside the publish transaction), {@code publish-committed} (publish committed,
 * step not yet recorded complete), {@code atomic-file-before-rename} (the first output file,
 * {@code alerts/<date>.csv}, written to its temporary name, not yet renamed), {@code report-between-customers} (one
 * customer's reports written, the next not).
 */
public final class CrashPoints {

    public static final String PROPERTY = "peertel.test.crash-at";

    /** {@code name:millis}: at that point print {@code PAUSE-POINT <name>}, wait, then go on (to signal a run). */
    public static final String PAUSE_PROPERTY = "peertel.test.pause-at";

    /** Printed, followed by the point's name, when a pause point is reached. */
    public static final String PAUSE_MARKER = "PAUSE-POINT ";

    /** Printed, followed by the point's name, when a crash point is reached. */
    public static final String MARKER = "CRASH-POINT ";

    private static final String CRASH_AT = System.getProperty(PROPERTY);
    private static final String PAUSE_AT = System.getProperty(PAUSE_PROPERTY);

    private CrashPoints() {
    }

    /** True when a test armed {@code name} (to crash or pause there); false in every production run. */
    public static boolean armed(String name) {
        return (CRASH_AT != null && CRASH_AT.equals(name)) || (PAUSE_AT != null && PAUSE_AT.startsWith(name + ":"));
    }

    /**
     * Returns at once unless a test armed {@code name}. At the pause point it prints {@value #PAUSE_MARKER} and the
     * name, waits the given milliseconds and goes on; at the crash point it prints {@value #MARKER} and the name and
     * blocks until the test kills the process (after 5 minutes it halts the JVM with exit code 137 rather than go
     * on).
     */
    public static void reach(String name) {
        if (PAUSE_AT != null && PAUSE_AT.startsWith(name + ":")) {
            pause(name, Long.parseLong(PAUSE_AT.substring(name.length() + 1)));
        }
        if (CRASH_AT == null || !CRASH_AT.equals(name)) {
            return;
        }
        System.out.println(MARKER + name);
        System.out.flush();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // keep waiting for the kill: the point is to die here, not to carry on
            }
        }
        Runtime.getRuntime().halt(137); // nobody killed us: never continue past a crash point
    }

    private static void pause(String name, long millis) {
        System.out.println(PAUSE_MARKER + name);
        System.out.flush();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
