package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.config.JobSettings;
import org.peertel.history.TelemetryExecution;
import org.peertel.history.TelemetryHistory;
import org.peertel.job.ExecutionRecord;
import org.peertel.launch.JobRepositoryDatabase;
import org.peertel.launch.RunLock;
import org.peertel.launch.TelemetryApplication;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peertel history}: one line per job execution, from the job repository only. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "List the telemetry job's executions, oldest day first, then in execution order: day, attempt, "
                    + "status, start (UTC), duration, rows read, attributed, rejected, alerts fired and why it ran "
                    + "(manual, nightly, catch-up, late data; 'restart (...)' when it restarted a failed attempt).",
            "Reads only the job repository named by --db or the setting job-repository.url; creates nothing."
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
        Path repository =
                JobRepositoryDatabase.localFile(JobRepositoryDatabase.url(settings.jobRepository(), settings.db()));
        if (repository != null && !Files.isRegularFile(repository)) {
            // Starting the job repository would create the database (and its folder): report instead.
            out.println("No history yet: there is no job repository at " + repository
                    + " (nothing has been run with --db " + settings.db() + ").");
            return ExitCode.OK;
        }
        List<TelemetryExecution> executions;
        // An H2 file repository admits one process at a time: wait for no run, by taking the run lock briefly.
        try (RunLock lock = repository == null ? null : RunLock.acquire(settings.db(), "peertel history");
                ConfigurableApplicationContext context = TelemetryApplication.start(settings, settings.db())) {
            executions = new TelemetryHistory(context.getBean(JobRepository.class)).executions(first, last);
        }
        if (executions.isEmpty()) {
            out.println("No job executions" + range(first, last) + ".");
            return ExitCode.OK;
        }
        print(executions, out);
        return ExitCode.OK;
    }

    static void print(List<TelemetryExecution> executions, PrintWriter out) {
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
                "why");
        for (TelemetryExecution e : executions) {
            ExecutionRecord.Counts c = e.counts();
            table.row(
                    e.day(),
                    e.attempt(),
                    e.status(),
                    TextFormat.utc(e.start()),
                    TextFormat.duration(e.duration()),
                    c == null ? null : c.rowsRead(),
                    c == null ? null : c.attributed(),
                    c == null ? null : c.rejected(),
                    c == null ? null : c.alerts(),
                    e.why());
        }
        table.lines().forEach(out::println);
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
