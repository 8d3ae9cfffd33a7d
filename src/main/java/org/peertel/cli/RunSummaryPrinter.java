package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.peertel.history.TelemetryExecution;
import org.peertel.job.ExecutionRecord;
import org.peertel.output.DayList;
import org.springframework.batch.core.BatchStatus;

/**
 * The one-screen summary that ends every {@code run}: a line per day (status, duration, rows read, attributed,
 * no_prefix, location_mismatch, rejected, alerts, why it ran) with a note of the rejects by reason and the alerts by
 * severity, a total line, and where the outputs are. Days after a failed one show as not run.
 *
 * <p>When a line per day would not fit a screen ({@value #SCREEN_LINES} lines of table), the table lists only the
 * days worth a look, as many as fit: first the days that did not complete, then the partial and empty ones, then
 * those with CRITICAL alerts, then those with other alerts; the total line still counts every day, and a closing line says what was left out and that
 * {@code peertel history} lists every day.
 */
final class RunSummaryPrinter {

    /** The most lines the table may take: its header, the days with their notes, the total and its note. */
    static final int SCREEN_LINES = 40;

    private RunSummaryPrinter() {}

    /** @param executions the executions of the days that ran, in day order; missing days were not run */
    static void print(
            List<LocalDate> days, Map<LocalDate, TelemetryExecution> executions, Path out, PrintWriter writer) {
        Totals totals = new Totals();
        List<LocalDate> notRun = new ArrayList<>();
        for (LocalDate day : days) {
            TelemetryExecution e = executions.get(day);
            if (e == null) {
                notRun.add(day);
            } else {
                totals.add(e);
            }
        }
        List<LocalDate> listed = listed(days, executions);
        boolean everyDay = listed.size() == days.size();
        TextTable table = table();
        for (LocalDate day : listed) {
            addDay(table, day, executions.get(day));
        }
        totals.addTo(table, days.size());
        writer.println("Run summary: " + days.size() + (days.size() == 1 ? " day" : " days")
                + (days.size() == 1
                        ? " (" + days.get(0) + ")"
                        : " (" + days.get(0) + " to " + days.get(days.size() - 1) + ")")
                + ", " + totals.completed + " completed"
                + (everyDay
                        ? ""
                        : "; too many for a line each: the days that did not complete, the partial and "
                                + "empty ones and those with alerts, as many as fit"));
        table.lines().forEach(line -> writer.println(line.stripTrailing()));
        if (!everyDay) {
            writer.println(leftOut(days, executions, listed, notRun));
        }
        boolean bgp = executions.values().stream()
                .anyMatch(e -> e.counts() != null && !e.counts().bgp().isEmpty());
        writer.println("Outputs in " + out.toAbsolutePath() + ": alerts/<day>.csv, reports/<customer>/<day>.csv, "
                + "<day>-prefixes.csv and <day>-hourly.csv, rejects/<day>.csv, runs/<day>.json"
                + (bgp
                        ? "; prefix events: events/<day>.csv, reports/<customer>/<day>-events.csv, bgp-rejects/<day>.csv"
                        : ""));
    }

    /**
     * Every day when a line each fits the screen; otherwise the days worth a look that fit, by {@link #rank}, in day
     * order. Days not run are left to the closing line.
     */
    private static List<LocalDate> listed(List<LocalDate> days, Map<LocalDate, TelemetryExecution> executions) {
        int lines = 3; // header, total and its note
        for (LocalDate day : days) {
            lines += lines(executions.get(day));
        }
        if (lines <= SCREEN_LINES) {
            return days;
        }
        TreeSet<LocalDate> chosen = new TreeSet<>();
        int budget = SCREEN_LINES - 3;
        for (int rank = 1; rank <= 4; rank++) {
            for (LocalDate day : days) {
                TelemetryExecution e = executions.get(day);
                if (e != null && rank(e) == rank && lines(e) <= budget) {
                    chosen.add(day);
                    budget -= lines(e);
                }
            }
        }
        return List.copyOf(chosen);
    }

    /** 1: did not complete; 2: partial or empty; 3: CRITICAL alerts; 4: other alerts; 0: nothing to look at. */
    private static int rank(TelemetryExecution e) {
        ExecutionRecord.Counts c = e.counts();
        if (e.status() != BatchStatus.COMPLETED || c == null) {
            return 1;
        }
        if (c.skippedFiles() > 0 || empty(c)) {
            return 2;
        }
        if (c.alertsBySeverity().containsKey("CRITICAL")) {
            return 3;
        }
        return c.alerts() > 0 ? 4 : 0;
    }

    /** The lines a day takes in the table: its row, and its note when it has one; 1 for a day not run. */
    private static int lines(TelemetryExecution e) {
        return e == null || e.counts() == null || note(e.counts()).isEmpty() ? 1 : 2;
    }

    private static String leftOut(
            List<LocalDate> days,
            Map<LocalDate, TelemetryExecution> executions,
            List<LocalDate> listed,
            List<LocalDate> notRun) {
        long quiet = 0;
        long moreWithSomething = 0;
        for (LocalDate day : days) {
            TelemetryExecution e = executions.get(day);
            if (e != null && !listed.contains(day)) {
                if (rank(e) == 0) {
                    quiet++;
                } else {
                    moreWithSomething++;
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (quiet > 0) {
            parts.add(quiet + (quiet == 1 ? " day" : " days") + " completed without alert or note");
        }
        if (moreWithSomething > 0) {
            parts.add(
                    moreWithSomething + " more " + (moreWithSomething == 1 ? "day" : "days") + " with alerts or notes");
        }
        if (!notRun.isEmpty()) {
            parts.add(notRun.size() + " not run: " + DayList.compact(notRun));
        }
        return "Not listed: " + String.join("; ", parts) + ". Every day: peertel history --from " + days.get(0)
                + " --to " + days.get(days.size() - 1);
    }

    private static TextTable table() {
        return new TextTable(
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
    }

    private static void addDay(TextTable table, LocalDate day, TelemetryExecution e) {
        if (e == null) {
            table.row(day, "not run", null, null, null, null, null, null, null, null);
            return;
        }
        ExecutionRecord.Counts c = e.counts();
        if (c == null) {
            table.row(day, e.status(), TextFormat.duration(e.duration()), null, null, null, null, null, null, e.why());
            return;
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
        String note = note(c);
        if (!note.isEmpty()) {
            table.note(note);
        }
    }

    /** A day without a data row in its files and without a skipped file: processed with --allow-empty-day. */
    private static boolean empty(ExecutionRecord.Counts c) {
        return c.rowsRead() == 0 && c.skippedFiles() == 0;
    }

    private static String note(ExecutionRecord.Counts c) {
        return note(
                c.rejectedSorted(),
                c.alertsSorted(),
                c.skippedFiles(),
                empty(c) ? "EMPTY: no data row in the day's files (reports say coverage=none)" : "",
                c.bgp());
    }

    private static String note(
            Map<String, Long> rejected, Map<String, Long> alerts, long skippedFiles, String empty, String bgp) {
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
        if (!bgp.isEmpty() && !bgp.equals(ExecutionRecord.QUIET_BGP_DAY)) {
            parts.add("bgp: " + bgp);
        }
        return String.join("; ", parts);
    }

    /** The total line: every day that ran, listed or not. */
    private static final class Totals {
        long completed;
        Duration duration = Duration.ZERO;
        final long[] sums = new long[6];
        final Map<String, Long> rejected = new TreeMap<>();
        final Map<String, Long> alerts = new TreeMap<>();
        long skippedFiles;
        long emptyDays;
        long bgpMissingDays;

        void add(TelemetryExecution e) {
            completed += e.status() == BatchStatus.COMPLETED ? 1 : 0;
            duration = e.duration() == null ? duration : duration.plus(e.duration());
            ExecutionRecord.Counts c = e.counts();
            if (c == null) {
                return;
            }
            long[] values = {c.rowsRead(), c.attributed(), c.noPrefix(), c.locationMismatch(), c.rejected(), c.alerts()
            };
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i];
            }
            c.rejectedByReason().forEach((k, v) -> rejected.merge(k, v, Long::sum));
            c.alertsBySeverity().forEach((k, v) -> alerts.merge(k, v, Long::sum));
            skippedFiles += c.skippedFiles();
            emptyDays += empty(c) ? 1 : 0;
            bgpMissingDays += c.bgp().equals("missing") ? 1 : 0;
        }

        void addTo(TextTable table, int days) {
            table.row(
                    "total",
                    completed + " of " + days + " ok",
                    TextFormat.duration(duration),
                    sums[0],
                    sums[1],
                    sums[2],
                    sums[3],
                    sums[4],
                    sums[5],
                    "");
            String note = note(
                    rejected,
                    alerts,
                    skippedFiles,
                    emptyDays == 0
                            ? ""
                            : "EMPTY: " + emptyDays + (emptyDays == 1 ? " day" : " days")
                                    + " without a data row (coverage=none)",
                    bgpMissingDays == 0
                            ? ""
                            : "missing on " + bgpMissingDays + (bgpMissingDays == 1 ? " day" : " days"));
            if (!note.isEmpty()) {
                table.note(note);
            }
        }
    }
}
