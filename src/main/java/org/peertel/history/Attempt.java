package org.peertel.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One attempt of {@code run} or of a {@code schedule} pass, as a line of the attempt log ({@link AttemptLog}): also
 * the attempts that stopped before any job execution started, which the job repository never sees.
 *
 * @param start      when the attempt began (for a schedule pass: when its first day started, else its end)
 * @param end        when it ended
 * @param command    {@code run} or {@code schedule}
 * @param arguments  the command line, as typed (for the operator; never parsed)
 * @param days       the days it was for: those of {@code run}'s options (none when they could not be read), those a
 *                   schedule pass ran, or, for a pass that could not run, the previous UTC day it was for
 * @param executions how many job executions it started (0: it stopped before any job started)
 * @param outcome    what the exit code says: completed (0), failed (1), not started (2), stopped (130, 143)
 * @param exitCode   the exit code of the process ({@code run}, {@code schedule --once}), or the one {@code schedule
 *                   --once} would have returned for this pass
 * @param reason     the first line of why it did not complete; empty when it did
 * @param pid        the process that made the attempt
 */
public record Attempt(
        Instant start,
        Instant end,
        String command,
        String arguments,
        List<LocalDate> days,
        int executions,
        Outcome outcome,
        int exitCode,
        String reason,
        long pid) {

    public Attempt {
        days = List.copyOf(days);
        reason = firstLine(reason);
    }

    /** What an attempt came to, as its exit code says. */
    public enum Outcome {
        COMPLETED,
        FAILED,
        NOT_STARTED,
        STOPPED;

        /** The word in the attempt log and the metrics: {@code completed}, {@code not_started}... */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** As people read it: {@code not started}. */
        public String label() {
            return code().replace('_', ' ');
        }

        static Outcome ofCode(String code) {
            for (Outcome outcome : values()) {
                if (outcome.code().equals(code)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("unknown outcome '" + code + "'");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The first line of {@code text}, stripped; empty for null. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped : stripped.substring(0, end)).strip();
    }
}
