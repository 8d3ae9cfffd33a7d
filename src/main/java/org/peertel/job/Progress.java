package org.peertel.job;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The progress line of a long step: files done/total, rows, rows/s and elapsed time. On a terminal it is
 * rewritten in place ({@code \r}) at most once a second; otherwise (a log file, a pipe, systemd's journal) it is a
 * plain line every 10 seconds. Nothing is printed for a step that ends before the first interval, so short runs
 * stay quiet. The caller decides how often to call {@link #update} (attributeStep: every 200 ms from its
 * coordinating thread, never per row); each call costs one clock read.
 */
public final class Progress {

    static final long TERMINAL_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long interval;
    private String label = "";
    private long startedAt;
    private long lastPrinted;
    private boolean printed;
    private int lastWidth;

    /**
     * @param out       where the line goes (stderr)
     * @param terminal  true to rewrite one line in place (stderr is a terminal), false for log lines
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake one in tests)
     */
    public Progress(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.interval = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    }

    /** Progress on System.err, in place when the process is attached to a terminal. */
    public static Progress onStandardError() {
        return new Progress(new PrintWriter(System.err, true), System.console() != null, System::nanoTime);
    }

    /** Starts timing a new step; {@code newLabel} (e.g. the day) starts each line. */
    public void start(String newLabel) {
        label = newLabel;
        startedAt = nanoClock.getAsLong();
        lastPrinted = startedAt;
        printed = false;
        lastWidth = 0;
    }

    /** Prints the line if the interval has passed since the last one (or since the start). */
    public void update(int filesDone, int fileCount, long rows) {
        long now = nanoClock.getAsLong();
        if (now - lastPrinted >= interval) {
            lastPrinted = now;
            print(line(filesDone, fileCount, rows, now - startedAt));
        }
    }

    /** Ends the step: when a line was shown, shows the final numbers (a terminal line is then ended). */
    public void finish(int filesDone, int fileCount, long rows) {
        if (printed) {
            print(line(filesDone, fileCount, rows, nanoClock.getAsLong() - startedAt));
            if (terminal) {
                out.print(System.lineSeparator());
                out.flush();
            }
        }
        printed = false;
    }

    String line(int filesDone, int fileCount, long rows, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        long perSecond = seconds > 0 ? Math.round(rows / seconds) : 0;
        return String.format(
                "%s: %d/%d files, %,d rows, %,d rows/s, %s elapsed",
                label, filesDone, fileCount, rows, perSecond, elapsed(elapsedNanos));
    }

    /** {@code 0:00:07}: hours, minutes, seconds. */
    static String elapsed(long nanos) {
        long s = nanos / 1_000_000_000L;
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private void print(String line) {
        printed = true;
        if (terminal) {
            // pad over a longer previous line, then return to the line start for the next update
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            out.println("peertel: " + line);
        }
        out.flush();
    }
}
