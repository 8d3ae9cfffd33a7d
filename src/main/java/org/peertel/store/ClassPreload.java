package org.peertel.store;

/**
 * Initialises one class on a background thread, ahead of its first use, for a class whose initialisation is slow
 * (see {@link DuckDbLibrary}). The first {@link #await()} gets whatever the initialisation threw, as the first use
 * would have; after that the class is in the state any failed initialisation leaves it in.
 */
final class ClassPreload {

    private final String className;
    private Thread loader;
    private Throwable failure;

    ClassPreload(String className) {
        this.className = className;
    }

    /** Starts the initialisation, once. */
    synchronized void start() {
        if (loader != null) {
            return;
        }
        loader = new Thread(this::initialise, "peertel-preload");
        loader.setDaemon(true); // an exit must not wait for it (see awaitQuietly)
        loader.start();
    }

    /** Waits for a started initialisation; throws what it failed with, to the first caller only. */
    void await() {
        waitForLoader();
        Throwable failed;
        synchronized (this) {
            failed = failure;
            failure = null;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    /** Waits for a started initialisation and reports nothing (its failure stays for {@link #await()}). */
    void awaitQuietly() {
        waitForLoader();
    }

    private void waitForLoader() {
        Thread running;
        synchronized (this) {
            running = loader;
        }
        if (running == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                running.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the initialisation is short: finish waiting, keep the interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void initialise() {
        try {
            Class.forName(className, true, ClassPreload.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // not there (another library version): its first use does whatever it does
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = e;
            }
        }
    }
}
