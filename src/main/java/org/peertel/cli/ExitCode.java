package org.peertel.cli;

import org.peertel.schedule.NightlyScheduler;

/**
 * The exit codes of every peertel command but {@code status} (which follows the monitoring-plugin convention,
 * {@link StatusCommand}), one table: each command's {@code --help} lists these lines, and docs/operating.md says the
 * same.
 *
 * <p>A signal while no day is running (an idle {@code schedule}) stops nothing and exits 0; while a day runs, or
 * with days of a range left, the day is recorded STOPPED and the exit code says which signal it was, as shells and
 * supervisors expect (128 + the signal's number).
 */
public final class ExitCode {

    /** Everything asked for completed; also {@code schedule} stopped by a signal while no day was running. */
    public static final int OK = 0;

    /** A day failed (later days of a range are not run); {@code schedule --once}: a day of its pass failed. */
    public static final int FAILED = 1;

    /** Bad usage or bad configuration, found before anything was written. */
    public static final int BAD_USAGE = 2;

    /** Stopped by SIGINT (Ctrl-C) with a day running or days left: the running day restarts at the next run. */
    public static final int INTERRUPTED = 130;

    /** Stopped by SIGTERM ({@code systemctl stop}, {@code kill}), as {@link #INTERRUPTED}. */
    public static final int TERMINATED = 143;

    static final String HEADING = "%nExit codes (the same for every command but status, which has its own):%n";
    static final String OK_LINE =
            "0:everything asked for completed; for schedule also a stop (SIGINT, SIGTERM) while no day was running";
    static final String FAILED_LINE =
            "1:a day failed (later days of a range are not run); schedule --once: a day of its pass failed";
    static final String BAD_USAGE_LINE = "2:bad usage or bad configuration, found before anything was written";
    static final String INTERRUPTED_LINE = "130:stopped by SIGINT (Ctrl-C) with a day running or days left: the "
            + "running day is recorded STOPPED and restarts where it stopped at the next run";
    static final String TERMINATED_LINE = "143:the same for SIGTERM (systemctl stop, kill)";

    private ExitCode() {}

    /** The exit code of a run stopped by {@code signal} ({@code INT} or {@code TERM}). */
    static int stoppedBy(String signal) {
        return "INT".equals(signal) ? INTERRUPTED : TERMINATED;
    }

    /**
     * What a schedule pass comes to when no signal cut it short (what {@code schedule --once} exits with): 2 when it
     * could not run for its configuration, 1 when a day failed or the pass broke, else 0.
     */
    static int ofPass(NightlyScheduler.Pass pass) {
        return switch (pass.trouble()) {
            case CONFIGURATION -> BAD_USAGE;
            case FAILURE -> FAILED;
            case NONE -> pass.failed().isEmpty() ? OK : FAILED;
        };
    }
}
