package org.peertel.store;

/**
 * Loads DuckDB's native library ahead of its first use, on a background thread. The driver links its 72 MB library
 * when its native class is first initialised: in peertel's layout the library lies beside the driver's jar in
 * {@code lib/} and is linked where it is (pom.xml; docs/internals.md, "Packaging and native libraries"); a driver jar
 * that bundles it (Maven's, on an IDE's class path) copies it to the temporary folder first. A job session starts
 * the load while the Spring context starts, and {@link TelemetryStore#open} waits for it.
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
     * Waits for a started load and reports nothing: for a session that ends, so that the process does not exit in the
     * middle of it (with a driver that copies its library, a partial copy would stay in the temporary folder: the
     * driver marks the copy for deletion at exit only once it is complete).
     */
    public static void awaitQuietly() {
        NATIVE.awaitQuietly();
    }
}
