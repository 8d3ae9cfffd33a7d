package org.peertel;

/**
 * Test-only crash points. {@code reach(name)} does nothing unless the system property {@value #PROPERTY} names
 * that point: then it prints {@code CRASH-POINT <name>} to stdout, flushes, and blocks, so that a test can kill
 * the process (SIGKILL) at exactly that moment and check what a re-run makes of it (see CrashRestartTest).
 * Production runs never set the property; the check is one string comparison against a constant.
 *
 * <p>Points: {@code attribute-chunk-written} (attributeStep staged its first chunk in DuckDB),
 * {@code publish-before-commit} (inside the publish transaction), {@code publish-committed} (publish committed,
 * step not yet recorded complete), {@code atomic-file-before-rename} (the first output file, {@code alerts/<date>.csv},
 * written to its temporary name, not yet renamed), {@code report-between-customers} (one customer's reports written, the next not).
 */
public final class CrashPoints {

    public static final String PROPERTY = "peertel.test.crash-at";

    /** Printed, followed by the point's name, when a crash point is reached. */
    public static final String MARKER = "CRASH-POINT ";

    private static final String CRASH_AT = System.getProperty(PROPERTY);

    private CrashPoints() {
    }

    /** Blocks forever (until killed) if {@code name} is the configured crash point; otherwise returns at once. */
    public static void reach(String name) {
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
}
