package org.peertel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;
import org.peertel.history.TelemetryExecution;
import org.peertel.monitor.AttemptLogWriter;
import org.peertel.monitor.MetricsFile;
import org.peertel.monitor.MetricsSettings;
import org.peertel.schedule.NightlyScheduler;
import org.peertel.schedule.ScheduleSettings;
import org.peertel.testhook.TestHooks;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine;

/**
 * The one place that records attempts: every {@code run} (every exit, success included) and every {@code schedule}
 * pass that ran a day or could not run leaves a line in the attempt log beside the DuckDB file, with the exit code,
 * and then the metrics file is rewritten (when {@code metrics.textfile} is set). {@link PeertelMain} wraps every
 * command line in one instance; {@link ScheduleCommand} tells {@link Passes} each pass.
 *
 * <ul>
 * <li>Usage errors and bad configuration (exit 2) are recorded when the database is known ({@link
 * PathOptions#databaseIfKnown}); when it is not (no {@code --db} and a settings file that cannot be read), nothing
 * is recorded: the message on stderr and the exit code are all there is.</li>
 * <li>A {@code schedule} pass that had nothing due (or only waited for input folders) gets no line; its metrics are
 * rewritten all the same. A {@code schedule} that stops between passes adds no line either.</li>
 * <li>A second signal, which exits at once, still writes the line (not the metrics). A process killed with
 * SIGKILL writes nothing: its execution stays STARTED in the job repository until the next run recovers it.</li>
 * </ul>
 * Recording never changes the exit code: a line or a metrics file that cannot be written is a warning on stderr.
 */
final class Attempts {

    private final List<String> args;
    private final PrintWriter err;
    private final Instant start = Instant.now();
    private Throwable failure;
    private CommandLine failedCommand;

    Attempts(String[] args, PrintWriter err) {
        this.args = List.of(args);
        this.err = err;
    }

    /** The exception that ended the command, as the execution exception handler got it. */
    void failedWith(Throwable exception) {
        failure = exception;
    }

    /** Picocli's handler of usage errors, which also notes the error and the command it was about. */
    CommandLine.IParameterExceptionHandler recording(CommandLine.IParameterExceptionHandler handler) {
        return (exception, arguments) -> {
            failure = exception;
            failedCommand = exception.getCommandLine();
            return handler.handleParseException(exception, arguments);
        };
    }

    /** What a second signal calls just before the process halts: the line, not the metrics. */
    StopOnSignal.LastWords beforeHalt(CommandLine main) {
        return (code, daysStarted) -> {
            try {
                ended(main, code, true, daysStarted);
            } catch (RuntimeException e) {
                // the process halts anyway
            }
        };
    }

    /**
     * Records the command that just ended with {@code code}: a {@code run}, or a {@code schedule} that ended on an
     * exception or a usage error (its passes are recorded as they end). Other commands leave nothing.
     */
    void ended(CommandLine main, int code) {
        try {
            ended(main, code, false, 0);
        } catch (RuntimeException e) {
            err.println("peertel: WARNING: this attempt could not be recorded: " + e);
        }
    }

    /**
     * @param halted  true when a second signal is about to halt the process (no metrics then: it exits at once)
     * @param started how many executions the session had started, when a halt cuts the command short (0: not known)
     */
    private void ended(CommandLine main, int code, boolean halted, int started) {
        Object command = command(main);
        if (command instanceof RunCommand run) {
            Path db = run.paths.databaseIfKnown();
            if (db != null) {
                append(db, runAttempt(run, code, halted, started));
                if (!halted) {
                    writeMetrics(run.paths, "run", TestHooks.clock());
                }
            }
        } else if (command instanceof ScheduleCommand schedule && (failure != null || halted)) {
            Path db = schedule.paths.databaseIfKnown();
            if (db != null) {
                List<LocalDate> day = List.of(yesterday(schedule.clock.instant()));
                append(db, attempt("schedule", start, day, 0, code, reason(code, halted, List.of(), List.of())));
                if (!halted) {
                    writeMetrics(schedule.paths, "schedule", schedule.clock);
                }
            }
        }
    }

    /** The command object of the subcommand that ran, or was being parsed when usage failed; null for none. */
    private Object command(CommandLine main) {
        if (failedCommand != null) {
            return failedCommand.getCommand();
        }
        CommandLine.ParseResult parsed = main.getParseResult();
        CommandLine.ParseResult sub = parsed == null ? null : parsed.subcommand();
        if (sub == null || sub.isUsageHelpRequested() || sub.isVersionHelpRequested()) {
            return null;
        }
        return sub.commandSpec().userObject();
    }

    private Attempt runAttempt(RunCommand run, int code, boolean halted, int started) {
        List<LocalDate> days;
        try {
            days = DayRange.of(run.date, run.from, run.to, DayRange.todayUtc());
        } catch (IllegalArgumentException unreadable) {
            days = List.of();
        }
        Collection<TelemetryExecution> executions = List.copyOf(run.executions.values());
        int count = Math.max(executions.size(), started);
        return attempt("run", start, days, count, code, reason(code, halted, executions, days));
    }

    /** Why an attempt did not complete, in one line; empty when it did. */
    private String reason(int code, boolean halted, Collection<TelemetryExecution> executions, List<LocalDate> days) {
        if (halted) {
            return signal(code) + ", twice: exited at once, without waiting for the running step; the next run "
                    + "restarts the day where it stopped";
        }
        if (failure != null) {
            return failure instanceof ConfigurationException || failure instanceof CommandLine.ParameterException
                    ? Objects.toString(failure.getMessage(), failure.toString())
                    : "failed: " + failure;
        }
        if (code == ExitCode.INTERRUPTED || code == ExitCode.TERMINATED) {
            return stopped(code, executions, days);
        }
        if (code != ExitCode.OK) {
            return executions.stream()
                    .filter(e -> e.status() != BatchStatus.COMPLETED)
                    .findFirst()
                    .map(e -> e.day() + " " + e.status() + ": " + Objects.toString(e.cause(), "no cause recorded"))
                    .orElse("");
        }
        return "";
    }

    private static String stopped(int code, Collection<TelemetryExecution> executions, List<LocalDate> days) {
        for (TelemetryExecution e : executions) {
            if (e.status() == BatchStatus.STOPPED) {
                return signal(code) + " while " + e.day() + " ran; the next run restarts it where it stopped";
            }
        }
        List<LocalDate> left = new ArrayList<>(days);
        executions.forEach(e -> left.remove(e.day()));
        return signal(code) + (left.isEmpty() ? "" : " before " + left.get(0) + "; the next run goes on from there");
    }

    private static String signal(int code) {
        return code == ExitCode.INTERRUPTED ? "stopped by SIGINT" : "stopped by SIGTERM";
    }

    private Attempt attempt(String command, Instant begin, List<LocalDate> days, int executions, int code, String why) {
        return new Attempt(
                begin,
                Instant.now(),
                command,
                "peertel " + String.join(" ", args),
                days,
                executions,
                outcome(code),
                code,
                why,
                ProcessHandle.current().pid());
    }

    /** The outcome an exit code stands for ({@link ExitCode}). */
    static Attempt.Outcome outcome(int code) {
        return switch (code) {
            case ExitCode.OK -> Attempt.Outcome.COMPLETED;
            case ExitCode.BAD_USAGE -> Attempt.Outcome.NOT_STARTED;
            case ExitCode.INTERRUPTED, ExitCode.TERMINATED -> Attempt.Outcome.STOPPED;
            default -> Attempt.Outcome.FAILED;
        };
    }

    private void append(Path db, Attempt attempt) {
        Path log = AttemptLog.fileOf(db);
        try {
            AttemptLogWriter.append(log, attempt);
        } catch (IOException | RuntimeException e) {
            err.println("peertel: WARNING: this attempt could not be recorded in " + log + ": " + e);
        }
    }

    /** Rewrites the metrics file, when the settings resolve and name one. */
    private void writeMetrics(PathOptions paths, String command, Clock clock) {
        JobSettings settings;
        MetricsSettings metrics;
        int horizonDays;
        try {
            settings = paths.resolve();
            metrics = MetricsSettings.load(paths.settingsFile());
            horizonDays = ScheduleSettings.load(paths.settingsFile()).horizonDays();
        } catch (RuntimeException unresolved) {
            return; // said already: it is why the attempt did not start; the last metrics file stays
        }
        if (!metrics.on()) {
            return;
        }
        try {
            MetricsFile.write(
                    metrics.textfile(), settings, "peertel " + command + " (metrics)", horizonDays, clock.instant());
        } catch (UncheckedIOException | ConfigurationException e) {
            err.println(
                    "peertel: WARNING: the metrics file " + metrics.textfile() + " was not written: " + e.getMessage());
        }
    }

    private static LocalDate yesterday(Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    /** The passes of one {@code schedule}: each is recorded when it ends, unless it had nothing to do. */
    static final class Passes {

        private final ScheduleCommand command;

        Passes(ScheduleCommand command) {
            this.command = command;
        }

        /**
         * Records {@code pass}, which just ended, then rewrites the metrics (after every pass, idle ones too). Never
         * throws: recording must not stop the schedule.
         */
        void ended(NightlyScheduler.Pass pass, StopOnSignal signal) {
            CommandLine commandLine = command.spec.commandLine();
            try {
                record(pass, signal, commandLine);
            } catch (RuntimeException e) {
                commandLine.getErr().println("peertel: WARNING: this pass could not be recorded: " + e);
            }
        }

        private void record(NightlyScheduler.Pass pass, StopOnSignal signal, CommandLine commandLine) {
            Attempts attempts = new Attempts(
                    commandLine.getParseResult().originalArgs().toArray(String[]::new), commandLine.getErr());
            boolean stoppedBySignal = pass.interrupted() && signal.signalled();
            int code = stoppedBySignal ? signal.exitCode() : ExitCode.ofPass(pass);
            boolean idle = pass.executions().isEmpty()
                    && pass.trouble() == NightlyScheduler.Trouble.NONE
                    && !pass.interrupted();
            Path db = command.paths.databaseIfKnown();
            if (!idle && db != null) {
                Instant end = Instant.now();
                Instant begin = pass.executions().values().stream()
                        .map(TelemetryExecution::start)
                        .filter(Objects::nonNull)
                        .min(Instant::compareTo)
                        .orElse(end);
                List<LocalDate> days = pass.executions().isEmpty()
                        ? List.of(yesterday(command.clock.instant()))
                        : List.copyOf(pass.executions().keySet());
                String why = pass.trouble() != NightlyScheduler.Trouble.NONE
                        ? pass.problem()
                        : attempts.reason(code, false, pass.executions().values(), days);
                attempts.append(
                        db,
                        attempts.attempt(
                                "schedule", begin, days, pass.executions().size(), code, why));
            }
            attempts.writeMetrics(command.paths, "schedule", command.clock);
        }
    }
}
