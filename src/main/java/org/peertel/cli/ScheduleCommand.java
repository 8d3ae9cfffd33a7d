package org.peertel.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.alert.AlertSettings;
import org.peertel.config.JobSettings;
import org.peertel.delivery.DeliverySettings;
import org.peertel.schedule.NextWakeUp;
import org.peertel.schedule.NightlyScheduler;
import org.peertel.schedule.ScheduleSettings;
import org.peertel.testhook.TestHooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peertel schedule}: the nightly run as a long-lived foreground process. */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Run in the foreground and process the previous UTC day on a cron schedule (default 02:30 "
                    + "UTC, from the job settings).",
            "On start and at every tick it catches up every day since the last one processed successfully "
                    + "(up to the horizon, default 7 days), oldest first, and processes again the days whose "
                    + "input files changed since they ran (late data). Older missed days are named, never "
                    + "skipped in silence.",
            "A day whose input is not ready (no folder yet, no ready marker, no data row) is tried again every "
                    + "schedule.retry-minutes (default 15) until the next tick, saying each time what it waits for.",
            "SIGTERM or Ctrl-C stops the running day at its next chunk (the next start resumes it) and exits 143 or "
                    + "130; between passes it exits 0 at once. --once exits 1 when a day of its pass failed."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE,
            ExitCode.FAILED_LINE,
            ExitCode.BAD_USAGE_LINE,
            ExitCode.INTERRUPTED_LINE,
            ExitCode.TERMINATED_LINE
        })
public final class ScheduleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PathOptions paths;

    @Mixin
    SkipBadFilesOption skipBadFiles;

    @Mixin
    AllowEmptyDayOption allowEmptyDay;

    @Option(
            names = "--cron",
            paramLabel = "EXPR",
            description = "Cron expression in UTC, six fields "
                    + "(second minute hour day-of-month month day-of-week); overrides schedule.cron.")
    String cron;

    @Option(
            names = "--horizon-days",
            paramLabel = "N",
            description = "How many days back a catch-up reaches; " + "overrides schedule.horizon-days.")
    String horizonDays;

    @Mixin
    BgpOption bgp;

    @Mixin
    WorkersOption workers;

    @Option(names = "--once", description = "Run the start-up pass only (catch-up and late data), then exit.")
    boolean once;

    /** The clock of the passes (a test may start it at another instant: {@link TestHooks#clock()}). */
    Clock clock = TestHooks.clock();

    /** Records each pass in the attempt log and rewrites the metrics. */
    final Attempts.Passes passes = new Attempts.Passes(this);

    @Override
    public Integer call() throws InterruptedException {
        JobSettings settings = allowEmptyDay.applyTo(skipBadFiles.applyTo(paths.resolve()));
        ScheduleSettings schedule = ScheduleSettings.load(paths.settingsFile());
        if (cron != null) {
            schedule = schedule.withCron(cron, this::usage);
        }
        if (horizonDays != null) {
            schedule = schedule.withHorizon(horizonDays, this::usage);
        }
        Preflight.retention(settings, AlertSettings.load(settings.alerts()), schedule.horizonDays());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NightlyScheduler scheduler = new NightlyScheduler(
                settings,
                schedule,
                DeliverySettings.load(paths.settingsFile()),
                bgp.resolve(paths.settingsFile(), spec.commandLine()),
                workers.resolve(settings, paths.settingsFile()),
                out,
                err);
        try (StopOnSignal signal = new StopOnSignal(err)) {
            out.println("peertel schedule: cron '" + schedule.cronText() + "' (UTC), catch-up horizon "
                    + schedule.horizonDays() + " days, waiting days tried again " + schedule.retryEvery()
                    + ", database " + settings.db());
            NightlyScheduler.Pass pass = scheduler.pass(clock.instant(), true, signal::watch);
            summarize(pass, settings, out);
            passes.ended(pass, signal);
            while (!once && !signal.signalled()) {
                NextWakeUp next = NextWakeUp.after(clock.instant(), schedule, pass.waiting());
                out.println("peertel schedule: next pass at " + next.tick() + next.retryNote());
                out.flush();
                if (!sleepUntil(next.at(), signal)) {
                    break;
                }
                pass = next.retry()
                        ? scheduler.retry(pass.waiting(), signal::watch)
                        : scheduler.pass(clock.instant(), false, signal::watch);
                summarize(pass, settings, out);
                passes.ended(pass, signal);
            }
            return exitCode(pass, signal, out);
        }
    }

    /**
     * Stopped by a signal: 130 or 143 when it cut the last pass short, else 0 (nothing was running). Otherwise, after
     * --once: 2 when the pass could not run for its configuration, 1 when a day failed or the pass broke, else 0.
     */
    private int exitCode(NightlyScheduler.Pass pass, StopOnSignal signal, PrintWriter out) {
        if (signal.signalled()) {
            out.println(
                    pass.interrupted()
                            ? "peertel schedule: stopped; the next start resumes the days named above"
                            : "peertel schedule: stopped between passes");
            return pass.interrupted() ? signal.exitCode() : ExitCode.OK;
        }
        out.println("peertel schedule: the one pass of --once is done");
        return ExitCode.ofPass(pass);
    }

    private static void summarize(NightlyScheduler.Pass pass, JobSettings settings, PrintWriter out) {
        if (!pass.executions().isEmpty()) {
            RunSummaryPrinter.print(List.copyOf(pass.executions().keySet()), pass.executions(), settings.out(), out);
        }
    }

    /** Sleeps in short steps so that a stop request ends the wait; false when stopped. */
    private boolean sleepUntil(Instant wakeUp, StopOnSignal signal) throws InterruptedException {
        while (!signal.signalled()) {
            Duration left = Duration.between(clock.instant(), wakeUp);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            Thread.sleep(Math.min(left.toMillis(), 1_000));
        }
        return false;
    }

    private RuntimeException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
