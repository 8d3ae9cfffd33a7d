package org.peertel.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peertel.launch.JobSession;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM ({@code systemctl stop}, {@code kill}) and SIGINT (Ctrl-C) into a clean stop. The JVM's own
 * reaction (run the shutdown hooks, exit) is replaced, so that the command decides how it ends: the first signal
 * asks the running job execution, if any, to stop (within {@code chunk-size} rows in attributeStep, at the end of
 * any other step; the execution is recorded STOPPED and the next run restarts it), and the command starts nothing
 * new, closes its session (the run lock is released) and returns its exit code: {@link ExitCode#stoppedBy} the
 * signal when work was left, 0 for a scheduler stopped between passes. A second signal exits at once with that
 * code: a stop that would take too long is never stuck (a crash at any point loses nothing).
 */
final class StopOnSignal implements AutoCloseable {

    private static final List<String> SIGNALS = List.of("TERM", "INT");

    /** What runs just before a second signal halts the process: the attempt's record. */
    private static volatile LastWords beforeHalt;

    /** Told the exit code a second signal halts the process with, and how many days its session had started. */
    interface LastWords {
        void halting(int exitCode, int daysStarted);
    }

    private final PrintWriter err;
    private final List<Installed> installed = new ArrayList<>();
    private volatile JobSession session;
    private volatile String received;

    private record Installed(Signal signal, SignalHandler previous) {}

    StopOnSignal(PrintWriter err) {
        this.err = err;
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                installed.add(new Installed(signal, Signal.handle(signal, this::handle)));
            } catch (IllegalArgumentException reserved) {
                // the JVM keeps this signal to itself (e.g. started with -Xrs): its default action stays
            }
        }
    }

    /** Sets (or, with null, clears) what runs just before a second signal halts the process. */
    static void beforeHalt(LastWords lastWords) {
        beforeHalt = lastWords;
    }

    /**
     * The session whose running day the next signal stops, or null once it is closed. A session given after a
     * signal is asked to stop at once, so that a signal during its start is not lost.
     */
    void watch(JobSession current) {
        session = current;
        if (current != null && received != null) {
            current.requestStop();
        }
    }

    /** True once a signal came: start nothing new. */
    boolean signalled() {
        return received != null;
    }

    /** The exit code of work stopped by the signal that came (130 for SIGINT, 143 for SIGTERM). */
    int exitCode() {
        return ExitCode.stoppedBy(received);
    }

    /** Called on the JVM's signal thread. */
    private void handle(Signal signal) {
        if (received != null) {
            err.println("peertel: SIG" + signal.getName() + " again: exiting now; the running day restarts where "
                    + "it stopped at the next run");
            err.flush();
            LastWords last = beforeHalt;
            if (last != null) {
                JobSession current = session;
                last.halting(ExitCode.stoppedBy(signal.getName()), current == null ? 0 : current.daysStarted());
            }
            Runtime.getRuntime().halt(ExitCode.stoppedBy(signal.getName()));
        }
        received = signal.getName();
        JobSession current = session;
        Optional<LocalDate> day = current == null ? Optional.empty() : current.runningDay();
        err.println("peertel: SIG" + received + ": stop requested; "
                + day.map(running -> running + " stops at its next chunk (send the signal again to exit at once)")
                        .orElse("no day is running"));
        err.flush();
        if (current != null) {
            current.requestStop();
        }
    }

    /** Gives the signals back to the JVM's default handling. */
    @Override
    public void close() {
        for (Installed each : installed) {
            Signal.handle(each.signal(), each.previous());
        }
    }
}
