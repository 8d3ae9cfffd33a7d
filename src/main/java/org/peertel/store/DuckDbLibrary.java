package org.peertel.store;

/**
 * Loads DuckDB's native library ahead of its first use, on a background thread. The DuckDB driver copies its
 * 70 MB library out of its jar into a temporary file and links it when its native class is first initialised,
 * about 0.4 s of one core; a job session starts that while the Spring context starts, and
 * {@link TelemetryStore#open} waits for it.
 *
 * <p>Failures stay where they were: when the load fails, {@link #awaitLoaded()}, called just before DuckDB is first
 * used, throws the very error that first use would have thrown.
 */
public final class DuckDbLibrary {

    private static final ClassPreload NATIVE = new ClassPreload("org.duckdb.DuckDBNative");

    private DuckDbLibrary() {}

    /** Starts loading the library, once per process. */
    public static void loadInBackground() {
        NATIVE.start();
    }

    /** Waits for a load that {@link #loadInBackground()} started, if any; throws what it failed with, once. */
    static void awaitLoaded() {
        NATIVE.await();
    }

    /**
     * Waits for a started load and reports nothing: for a session that ends, so that the process does not exit
     * halfway through the copy and leave a partial library in the temporary folder (the driver marks the copy for
     * deletion at exit only once it is complete).
     */
    public static void awaitQuietly() {
        NATIVE.awaitQuietly();
    }
}
