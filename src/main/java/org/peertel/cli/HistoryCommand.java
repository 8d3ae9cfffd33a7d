package org.peertel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.peertel.config.JobSettings;
import org.peertel.history.AttemptLog;
import org.peertel.history.TelemetryExecution;
import org.peertel.history.TelemetryHistory;
import org.peertel.launch.JobRepositoryDatabase;
import org.peertel.launch.JobRepositoryReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peertel history}: one line per job execution, from the job repository, and one per attempt that stopped
 * before any job started, from the attempt log; works while a run is working ({@link JobRepositoryReader}).
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "List the telemetry job's executions, oldest day first, then in time order: day, attempt, "
                    + "status, start (UTC), duration, rows read, attributed, rejected, alerts fired, why it ran "
                    + "(manual, nightly, catch-up, late data; 'restart (...)' when it restarted a failed attempt) "
                    + "and, for a day that did not complete, the first line of its cause.",
            "Attempts that stopped before any job started (exit 2: a missing input folder, a bad registry, "
                    + "another run holding the database) are listed too, from the attempt log beside --db, with "
                    + "the status 'not started'.",
            "Reads the job repository named by --db or the setting job-repository.url, also while a run is "
                    + "working (through that run); creates nothing."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE,
            ExitCode.FAILED_LINE,
            ExitCode.BAD_USAGE_LINE,
            ExitCode.INTERRUPTED_LINE,
            ExitCode.TERMINATED_LINE
        })
public final class HistoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "DAY", description = "First day to list (YYYY-MM-DD, today or yesterday).")
    String from;

    @Option(names = "--to", paramLabel = "DAY", description = "Last day to list (inclusive).")
    String to;

    @Mixin
    PathOptions paths;

    @Override
    public Integer call() {
        LocalDate first;
        LocalDate last;
        try {
            LocalDate today = DayRange.todayUtc();
            first = from == null ? null : DayRange.day(from, "--from", today);
            last = to == null ? null : DayRange.day(to, "--to", today);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (first != null && last != null && last.isBefore(first)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to " + last + " is before --from " + first);
        }
        JobSettings settings = paths.resolve();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttemptLog.Contents attempts = attempts(settings, err);
        // Reads while a run works, through that run; takes the run lock only when it is free (and for a moment).
        Optional<JobRepositoryReader> opened =
                JobRepositoryReader.openIfExists(settings, "peertel history", note -> err.println("peertel: " + note));
        if (opened.isEmpty() && attempts.attempts().isEmpty()) {
            out.println(noHistoryYet(settings));
            return ExitCode.OK;
        }
        List<TelemetryExecution> executions = List.of();
        String running = null;
        boolean noRunWorking = false;
        if (opened.isPresent()) {
            try (JobRepositoryReader reader = opened.get()) {
                executions = new TelemetryHistory(reader.jobRepository()).executions(first, last);
                running = reader.runningHolder().orElse(null);
                noRunWorking = reader.noRunWorking();
            }
        }
        List<HistoryRow> rows = HistoryRow.of(executions, attempts.attempts(), first, last, running, noRunWorking);
        if (rows.isEmpty()) {
            out.println("No job executions" + range(first, last) + ".");
            return ExitCode.OK;
        }
        print(rows, out);
        return ExitCode.OK;
    }

    /** The attempt log beside the database; its lines that are not attempts are named on {@code err}. */
    private static AttemptLog.Contents attempts(JobSettings settings, PrintWriter err) {
        Path log = AttemptLog.fileOf(settings.db());
        AttemptLog.Contents attempts;
        try {
            attempts = AttemptLog.read(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attempt log " + log + ": " + e.getMessage(), e);
        }
        if (!attempts.malformedLines().isEmpty()) {
            err.println("peertel: " + log + ": skipped "
                    + attempts.malformedLines().size() + " line(s) that are not "
                    + "attempt records (cut short by a crash, or edited): line(s) "
                    + attempts.malformedLines().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return attempts;
    }

    private static String noHistoryYet(JobSettings settings) {
        Path repository =
                JobRepositoryDatabase.localFile(JobRepositoryDatabase.url(settings.jobRepository(), settings.db()));
        return repository != null
                ? "No history yet: there is no job repository at " + repository + " (nothing has been run with --db "
                        + settings.db() + ")."
                : "No history yet: the job repository "
                        + settings.jobRepository().describe()
                        + " has no Spring Batch tables (nothing has been run with it).";
    }

    static void print(List<HistoryRow> rows, PrintWriter out) {
        TextTable table = new TextTable(
                "day",
                ">attempt",
                "status",
                "started (UTC)",
                ">duration",
                ">rows read",
                ">attributed",
                ">rejected",
                ">alerts",
                "why",
                "cause");
        rows.forEach(row -> table.row(row.cells()));
        table.lines().forEach(line -> out.println(line.stripTrailing()));
    }

    private static String range(LocalDate first, LocalDate last) {
        if (first == null && last == null) {
            return " yet";
        }
        if (first == null) {
            return " up to " + last;
        }
        return last == null ? " from " + first : " from " + first + " to " + last;
    }
}
