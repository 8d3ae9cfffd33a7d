package org.peertel.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.peertel.history.Attempt;
import org.peertel.history.TelemetryHistory;
import org.peertel.job.ExecutionRecord;

/**
 * What the metrics file says, and its text in the Prometheus exposition format (version 0.0.4, what node_exporter's
 * textfile collector reads): one family a metric, each with HELP and TYPE; every metric is a gauge (a value as of
 * the last attempt, never a running count, so no {@code _total}); times are Unix seconds in
 * {@code _timestamp_seconds}, durations {@code _seconds}.
 *
 * @param lastAttempt        the last line of the attempt log; null when it has none
 * @param malformedLines     lines of the attempt log that readers skip
 * @param repositoryReadable whether the job repository could be read; when not, the next four are absent
 * @param lastSuccess        when a job execution last completed; null when none did
 * @param newestDay          the newest day that completed, its counts and step durations; null when none did
 * @param daysMissing        days of the catch-up horizon without a completed run, as the scheduler counts them
 */
record NightlyMetrics(
        Attempt lastAttempt,
        int malformedLines,
        boolean repositoryReadable,
        Instant lastSuccess,
        TelemetryHistory.CompletedDay newestDay,
        int daysMissing) {

    String text() {
        StringBuilder text = new StringBuilder(2048);
        if (lastAttempt != null) {
            Attempt a = lastAttempt;
            gauge(
                    text,
                    "peertel_last_attempt_end_timestamp_seconds",
                    seconds(a.end()),
                    "When the last attempt of run or a schedule pass ended (the last line of the attempt log).");
            gauge(
                    text,
                    "peertel_last_attempt_duration_seconds",
                    seconds(a.duration()),
                    "How long the last attempt took.");
            gauge(
                    text,
                    "peertel_last_attempt_exit_code",
                    Integer.toString(a.exitCode()),
                    "Exit code of the last attempt: 0 completed, 1 a day failed, 2 not started (bad usage or "
                            + "configuration, another run holding the database), 130 or 143 stopped by a signal.");
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (Attempt.Outcome outcome : Attempt.Outcome.values()) {
                outcomes.put(outcome.code(), outcome == a.outcome() ? "1" : "0");
            }
            gauge(
                    text,
                    "peertel_last_attempt_outcome",
                    "outcome",
                    outcomes,
                    "Outcome of the last attempt: 1 for the one it had, 0 for the others.");
        }
        gauge(
                text,
                "peertel_attempt_log_malformed_lines",
                Integer.toString(malformedLines),
                "Lines of the attempt log that are not attempt records (cut short by a crash, or edited); readers "
                        + "skip them.");
        gauge(
                text,
                "peertel_job_repository_readable",
                repositoryReadable ? "1" : "0",
                "1 when the job repository could be read for this file; 0 when not, and the metrics that come from "
                        + "it are left out.");
        if (!repositoryReadable) {
            return text.toString();
        }
        // a count of calendar days: "days" in the name would read as a unit of time (promtool says so)
        gauge(
                text,
                "peertel_missing_dates",
                Integer.toString(daysMissing),
                "Days (dates) of the catch-up horizon, schedule.horizon-days up to yesterday in UTC, without a "
                        + "completed run, counted from the first day that ever completed.");
        if (lastSuccess != null) {
            gauge(
                    text,
                    "peertel_last_success_timestamp_seconds",
                    seconds(lastSuccess),
                    "When a day last completed (the end of the newest completed job execution).");
        }
        if (newestDay == null) {
            return text.toString();
        }
        gauge(
                text,
                "peertel_last_day_timestamp_seconds",
                Long.toString(newestDay.day().atStartOfDay().toEpochSecond(ZoneOffset.UTC)),
                "Start (00:00 UTC) of the newest day that completed, which the peertel_last_day_ metrics describe.");
        ExecutionRecord.Counts c = newestDay.execution().counts();
        if (c != null) {
            gauge(
                    text,
                    "peertel_last_day_rows_read",
                    Long.toString(c.rowsRead()),
                    "Rows read on the newest completed day.");
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("attributed", Long.toString(c.attributed()));
            rows.put("location_mismatch", Long.toString(c.locationMismatch()));
            rows.put("no_prefix", Long.toString(c.noPrefix()));
            rows.put("rejected", Long.toString(c.rejected()));
            gauge(
                    text,
                    "peertel_last_day_rows",
                    "result",
                    rows,
                    "Rows of the newest completed day by what became of them; they add up to "
                            + "peertel_last_day_rows_read.");
            gauge(
                    text,
                    "peertel_last_day_alerts",
                    Long.toString(c.alerts()),
                    "Alerts raised on the newest completed day.");
            gauge(
                    text,
                    "peertel_last_day_skipped_files",
                    Long.toString(c.skippedFiles()),
                    "Bad input files left out of the newest completed day (--skip-bad-files); more than 0 means "
                            + "the day is partial.");
        }
        if (!newestDay.stepDurations().isEmpty()) {
            Map<String, String> steps = new LinkedHashMap<>();
            newestDay.stepDurations().forEach((step, duration) -> steps.put(step, seconds(duration)));
            gauge(
                    text,
                    "peertel_last_day_step_duration_seconds",
                    "step",
                    steps,
                    "How long each step of the newest completed day took, from the job repository.");
        }
        return text.toString();
    }

    /** A metric family of one gauge without labels. */
    private static void gauge(StringBuilder text, String name, String value, String help) {
        gauge(text, name, null, Map.of("", value), help);
    }

    /** A metric family of gauges, one per value of {@code label} (none when null). */
    private static void gauge(StringBuilder text, String name, String label, Map<String, String> values, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
        values.forEach((labelValue, value) -> text.append(name)
                .append(label == null ? "" : label(label, labelValue))
                .append(' ')
                .append(value)
                .append('\n'));
    }

    private static String label(String name, String value) {
        return "{" + name + "=\""
                + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    private static String seconds(Instant instant) {
        return seconds(instant.toEpochMilli());
    }

    private static String seconds(Duration duration) {
        return seconds(duration.toMillis());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
