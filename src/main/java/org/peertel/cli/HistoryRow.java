package org.peertel.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.peertel.history.Attempt;
import org.peertel.history.TelemetryExecution;
import org.peertel.job.ExecutionRecord;
import org.springframework.batch.core.BatchStatus;

/**
 * One line of {@code history}: a job execution, or an attempt that started none (from the attempt log). Lines are
 * ordered by day, then by time; an attempt that named no day (a usage error before its days could be read) comes
 * last, and only when no day range was asked for.
 */
record HistoryRow(LocalDate day, Instant time, long executionId, Object[] cells) {

    private static final Comparator<HistoryRow> ORDER = Comparator.comparing(
                    HistoryRow::day, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(HistoryRow::time, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(HistoryRow::executionId);

    /**
     * The lines for the executions and the attempts of the days from {@code first} to {@code last} (null: no bound).
     *
     * @param running      the run working now, as its lock names it, when history read through it; else null
     * @param noRunWorking true when history held the run lock, so that no run can be working
     */
    static List<HistoryRow> of(
            List<TelemetryExecution> executions,
            List<Attempt> attempts,
            LocalDate first,
            LocalDate last,
            String running,
            boolean noRunWorking) {
        long runningId = executions.stream()
                .filter(e -> e.status().isRunning())
                .mapToLong(TelemetryExecution::executionId)
                .max()
                .orElse(-1);
        List<HistoryRow> rows = new ArrayList<>();
        for (TelemetryExecution e : executions) {
            rows.add(execution(e, cause(e, running, noRunWorking, e.executionId() == runningId)));
        }
        for (Attempt a : attempts) {
            if (a.executions() > 0) {
                continue; // its executions are listed
            }
            LocalDate day = a.days().stream()
                    .filter(d -> (first == null || !d.isBefore(first)) && (last == null || !d.isAfter(last)))
                    .findFirst()
                    .orElse(null);
            if (day != null || (a.days().isEmpty() && first == null && last == null)) {
                rows.add(attempt(day, a));
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    private static HistoryRow execution(TelemetryExecution e, String cause) {
        ExecutionRecord.Counts c = e.counts();
        return new HistoryRow(e.day(), e.start(), e.executionId(), new Object[] {
            e.day(),
            e.attempt(),
            e.status(),
            TextFormat.utc(e.start()),
            TextFormat.duration(e.duration()),
            c == null ? null : c.rowsRead(),
            c == null ? null : c.attributed(),
            c == null ? null : c.rejected(),
            c == null ? null : c.alerts(),
            e.why(),
            cause
        });
    }

    private static HistoryRow attempt(LocalDate day, Attempt a) {
        String days = a.days().size() > 1
                ? "for " + a.days().get(0) + ".." + a.days().get(a.days().size() - 1) + ": "
                : "";
        return new HistoryRow(day, a.start(), Long.MAX_VALUE, new Object[] {
            day,
            null,
            a.outcome().label(),
            TextFormat.utc(a.start()),
            TextFormat.duration(a.duration()),
            null,
            null,
            null,
            null,
            "run".equals(a.command()) ? "manual" : a.command(),
            days + a.reason() + " (exit " + a.exitCode() + ")"
        });
    }

    /** Why an execution did not complete; for one still STARTED, whether it runs now. Empty when it completed. */
    private static String cause(TelemetryExecution e, String running, boolean noRunWorking, boolean newestRunning) {
        if (e.status().isRunning()) {
            if (running != null && newestRunning) {
                int end = running.indexOf(", '");
                return "running now (" + (end < 0 ? running : running.substring(0, end)) + ")";
            }
            return running != null || noRunWorking
                    ? "not running: its process died; the next run of the day marks it FAILED and restarts it"
                    : "";
        }
        return e.status() == BatchStatus.COMPLETED ? "" : Objects.toString(e.cause(), "");
    }
}
