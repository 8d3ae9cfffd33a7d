package org.peertel.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.peertel.launch.JobSession;

/**
 * Turns SIGTERM (and Ctrl-C) into a clean stop: the hook asks the running job execution to stop (within
 * {@code chunk-size} rows in attributeStep, at the end of any other step) and waits until the command has closed
 * its session (so the job repository records STOPPED and the lock is released) before the JVM exits, for at most
 * {@link #GRACE_SECONDS}. Running the same command again restarts the stopped day.
 */
final class StopOnSignal implements AutoCloseable {

    /** How long the hook waits for the job to stop before the JVM exits anyway. */
    static final long GRACE_SECONDS = 300;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;
    private volatile JobSession session;
    private volatile boolean signalled;

    StopOnSignal(PrintWriter err) {
        hook = new Thread(
                () -> {
                    signalled = true;
                    err.println("peertel: stop requested: finishing the current chunk, then exiting; run the same "
                            + "command again to resume");
                    err.flush();
                    JobSession current = session;
                    if (current != null) {
                        current.requestStop();
                    }
                    try {
                        closed.await(GRACE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "peertel-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The session the next signal stops. */
    void watch(JobSession current) {
        session = current;
    }

    /** True once a stop was requested: start nothing new. */
    boolean signalled() {
        return signalled || (session != null && session.stopRequested());
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the latch is open
        }
    }
}
