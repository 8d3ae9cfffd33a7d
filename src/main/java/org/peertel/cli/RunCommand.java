package org.peertel.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.peertel.alert.AlertSettings;
import org.peertel.config.JobSettings;
import org.peertel.delivery.DayOutcome;
import org.peertel.delivery.DeliveryReport;
import org.peertel.delivery.DeliverySettings;
import org.peertel.history.TelemetryExecution;
import org.peertel.job.Progress;
import org.peertel.job.RegistryCache;
import org.peertel.job.TelemetryJobParameters;
import org.peertel.launch.JobFailure;
import org.peertel.launch.JobSession;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.remote.RemoteSettings;
import org.peertel.routing.BgpSettings;
import org.peertel.schedule.ScheduleSettings;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peertel run}: processes one UTC day or a range of days, oldest first. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Process one UTC day (--date) or each day of a range (--from, --to), oldest first.",
            "Every check of the settings, the registry and the input folders happens before any output is "
                    + "touched. Re-running a day replaces that day's rows and files."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE,
            ExitCode.FAILED_LINE,
            ExitCode.BAD_USAGE_LINE,
            ExitCode.INTERRUPTED_LINE,
            ExitCode.TERMINATED_LINE
        })
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", paramLabel = "DAY", description = "The UTC day: YYYY-MM-DD, today or yesterday.")
    String date;

    @Option(names = "--from", paramLabel = "DAY", description = "First day of a range (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "DAY", description = "Last day of a range (inclusive).")
    String to;

    @Mixin
    PathOptions paths;

    @Mixin
    SkipBadFilesOption skipBadFiles;

    @Mixin
    AllowEmptyDayOption allowEmptyDay;

    @Mixin
    BgpOption bgp;

    @Mixin
    WorkersOption workers;

    @Option(
            names = "--yes",
            description = "Process a range longer than run.max-days (default 62) without asking; such a range is "
                    + "refused without it, on a terminal or not.")
    boolean yes;

    /** The execution of each day that ran, in day order (also read by {@link Attempts} once the command ends). */
    final Map<LocalDate, TelemetryExecution> executions = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        List<LocalDate> days = usage(() -> DayRange.of(date, from, to, DayRange.todayUtc()));
        JobSettings settings = allowEmptyDay.applyTo(skipBadFiles.applyTo(paths.resolve()));
        usageCheck(() -> DayRange.confirmLength(days, settings.runMaxDays(), yes));
        RegistryCache registries = new RegistryCache();
        ConnectionRegistry registry = Preflight.registry(
                settings.connections(), registries, spec.commandLine().getErr());
        AlertSettings alerts = AlertSettings.load(settings.alerts());
        Preflight.alertSettings(alerts, registry);
        Preflight.retention(
                settings, alerts, ScheduleSettings.load(paths.settingsFile()).horizonDays());
        BgpSettings bgpSettings = bgp.resolve(paths.settingsFile(), spec.commandLine());
        InputPreflight.check(settings.inputReadiness(), days);
        Preflight.outputFolder(settings.out(), registry);
        DeliverySettings delivery = DeliverySettings.load(paths.settingsFile());
        RemoteSettings remote = workers.resolve(settings, paths.settingsFile());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StopOnSignal signal = new StopOnSignal(err);
                JobSession session = JobSession.open(
                        settings,
                        "peertel "
                                + String.join(
                                        " ", spec.commandLine().getParseResult().originalArgs()),
                        registries,
                        remote)) {
            signal.watch(session);
            session.registerReceivers(delivery);
            List<DayOutcome> outcomes = new ArrayList<>();
            session.reportProgressTo(new Progress(err, System.console() != null, System::nanoTime));
            for (LocalDate day : days) {
                if (signal.signalled()) {
                    RunSummaryPrinter.print(days, executions, settings.out(), out);
                    err.println("peertel: stopped before " + day + "; run the same command again to go on");
                    return signal.exitCode();
                }
                JobExecution execution = session.run(new TelemetryJobParameters(
                                day,
                                0,
                                settings.connections(),
                                settings.input(),
                                settings.out(),
                                settings.db(),
                                settings.alerts())
                        .withBgp(bgpSettings));
                executions.put(day, TelemetryExecution.of(execution, false));
                outcomes.add(
                        execution.getStatus() == BatchStatus.COMPLETED
                                ? DayOutcome.completed(day)
                                : DayOutcome.failed(day, JobFailure.describe(execution)));
                if (execution.getStatus() == BatchStatus.STOPPED) {
                    RunSummaryPrinter.print(days, executions, settings.out(), out);
                    err.println("peertel: " + day + " stopped on request; run the same command again: the day "
                            + "restarts where it stopped");
                    return signal.signalled() ? signal.exitCode() : ExitCode.FAILED;
                }
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    session.updateMonthReports(err); // for the days that completed before
                    DeliveryReport delivered = session.deliverAlerts(delivery, outcomes, err);
                    RunSummaryPrinter.print(days, executions, settings.out(), out);
                    printDelivery(delivery, delivered, out);
                    err.println("peertel: " + day + " failed (" + execution.getStatus() + "): "
                            + JobFailure.describe(execution) + System.lineSeparator()
                            + "Fix the cause and run the same command again: the day restarts where it stopped.");
                    return ExitCode.FAILED;
                }
            }
            session.updateMonthReports(err); // once, after the days: each month touched is written once
            DeliveryReport delivered = session.deliverAlerts(delivery, outcomes, err);
            RunSummaryPrinter.print(days, executions, settings.out(), out);
            printDelivery(delivery, delivered, out);
            // every day completed; a signal while the month files were written stopped them (the next run does)
            return signal.signalled() ? signal.exitCode() : ExitCode.OK;
        }
    }

    /** The receivers' lines and {@code delivery: n pending}, when a receiver is set. */
    private static void printDelivery(DeliverySettings delivery, DeliveryReport report, PrintWriter out) {
        if (delivery.anyReceiver()) {
            report.lines().forEach(out::println);
            out.println(report.summary());
        }
    }

    /** The value of {@code check}, whose IllegalArgumentException is bad usage (exit 2, with the usage help). */
    private <T> T usage(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void usageCheck(Runnable check) {
        usage(() -> {
            check.run();
            return null;
        });
    }
}
