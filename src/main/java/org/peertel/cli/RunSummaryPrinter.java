package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peertel.history.TelemetryExecution;
import org.peertel.job.ExecutionRecord;
import org.springframework.batch.core.BatchStatus;

/**
 * The one-screen summary that ends every {@code run}: a line per day (status, duration, rows read, attributed,
 * no_prefix, location_mismatch, rejected, alerts, why it ran) with a note of the rejects by reason and the alerts by
 * severity, a total line, and where the outputs are. Days after a failed one show as not run; an empty day processed
 * with {@code --allow-empty-day} is noted EMPTY.
 */
final class RunSummaryPrinter {

    private RunSummaryPrinter() {}

    /** @param executions the executions of the days that ran, in day order; missing days were not run */
    static void print(
            List<LocalDate> days, Map<LocalDate, TelemetryExecution> executions, Path out, PrintWriter writer) {
        TextTable table = new TextTable(
                "day",
                "status",
                ">duration",
                ">rows read",
                ">attributed",
                ">no_prefix",
                ">loc_mismatch",
                ">rejected",
                ">alerts",
                "why");
        long completed = 0;
        Duration total = Duration.ZERO;
        long[] sums = new long[6];
        Map<String, Long> rejected = new TreeMap<>();
        Map<String, Long> alerts = new TreeMap<>();
        long skippedFiles = 0;
        long emptyDays = 0;
        for (LocalDate day : days) {
            TelemetryExecution e = executions.get(day);
            if (e == null) {
                table.row(day, "not run", null, null, null, null, null, null, null, null);
                continue;
            }
            completed += e.status() == BatchStatus.COMPLETED ? 1 : 0;
            total = e.duration() == null ? total : total.plus(e.duration());
            ExecutionRecord.Counts c = e.counts();
            if (c == null) {
                table.row(
                        day,
                        e.status(),
                        TextFormat.duration(e.duration()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        e.why());
                continue;
            }
            table.row(
                    day,
                    e.status(),
                    TextFormat.duration(e.duration()),
                    c.rowsRead(),
                    c.attributed(),
                    c.noPrefix(),
                    c.locationMismatch(),
                    c.rejected(),
                    c.alerts(),
                    e.why());
            note(
                    table,
                    c.rejectedSorted(),
                    c.alertsSorted(),
                    c.skippedFiles(),
                    empty(c) ? "EMPTY: no data row in the day's files (reports say coverage=none)" : "");
            long[] values = {c.rowsRead(), c.attributed(), c.noPrefix(), c.locationMismatch(), c.rejected(), c.alerts()
            };
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i];
            }
            c.rejectedByReason().forEach((k, v) -> rejected.merge(k, v, Long::sum));
            c.alertsBySeverity().forEach((k, v) -> alerts.merge(k, v, Long::sum));
            skippedFiles += c.skippedFiles();
            emptyDays += empty(c) ? 1 : 0;
        }
        table.row(
                "total",
                completed + " of " + days.size() + " ok",
                TextFormat.duration(total),
                sums[0],
                sums[1],
                sums[2],
                sums[3],
                sums[4],
                sums[5],
                "");
        note(
                table,
                rejected,
                alerts,
                skippedFiles,
                emptyDays == 0
                        ? ""
                        : "EMPTY: " + emptyDays + (emptyDays == 1 ? " day" : " days")
                                + " without a data row (coverage=none)");
        writer.println("Run summary: " + days.size() + (days.size() == 1 ? " day" : " days")
                + (days.size() == 1
                        ? " (" + days.get(0) + ")"
                        : " (" + days.get(0) + " to " + days.get(days.size() - 1) + ")")
                + ", " + completed + " completed");
        table.lines().forEach(line -> writer.println(line.stripTrailing()));
        writer.println("Outputs in " + out.toAbsolutePath() + ": alerts/<day>.csv, reports/<customer>/<day>.csv and "
                + "<day>-prefixes.csv, rejects/<day>.csv, runs/<day>.json");
    }

    /** A day without a data row in its files and without a skipped file: processed with --allow-empty-day. */
    private static boolean empty(ExecutionRecord.Counts c) {
        return c.rowsRead() == 0 && c.skippedFiles() == 0;
    }

    private static void note(
            TextTable table, Map<String, Long> rejected, Map<String, Long> alerts, long skippedFiles, String empty) {
        List<String> parts = new ArrayList<>();
        if (skippedFiles > 0) {
            parts.add("PARTIAL: " + skippedFiles + " bad file" + (skippedFiles == 1 ? "" : "s")
                    + " skipped (see runs/<day>.json)");
        }
        if (!empty.isEmpty()) {
            parts.add(empty);
        }
        if (!rejected.isEmpty()) {
            parts.add("rejected: " + TextFormat.counts(rejected));
        }
        if (!alerts.isEmpty()) {
            parts.add("alerts: " + TextFormat.counts(alerts));
        }
        if (!parts.isEmpty()) {
            table.note(String.join("; ", parts));
        }
    }
}
