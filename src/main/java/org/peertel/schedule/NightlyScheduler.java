package org.peertel.schedule;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.delivery.DayOutcome;
import org.peertel.delivery.DeliveryReport;
import org.peertel.delivery.DeliverySettings;
import org.peertel.history.DaysDone;
import org.peertel.history.Horizon;
import org.peertel.history.TelemetryExecution;
import org.peertel.ingest.DayInput;
import org.peertel.ingest.DayManifest;
import org.peertel.ingest.InputReadiness;
import org.peertel.job.Progress;
import org.peertel.job.RegistryCache;
import org.peertel.job.RunReason;
import org.peertel.job.TelemetryJobParameters;
import org.peertel.launch.JobFailure;
import org.peertel.launch.JobSession;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.remote.RemoteSettings;
import org.peertel.routing.BgpDay;
import org.peertel.routing.BgpSettings;
import org.peertel.store.BgpDayRead;
import org.peertel.store.TelemetryStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * One pass of the nightly schedule: works out which days are due and processes them, oldest first.
 * <ul>
 * <li>The window is the last {@code horizon-days} UTC days up to yesterday.</li>
 * <li>Due: every day of the window without a completed run, from the earliest day that ever completed on (a new
 * installation starts with yesterday, not with a week of history). Yesterday is "nightly", older days
 * "catch-up".</li>
 * <li>Late data: a completed day of the window whose files differ from the manifest recorded when it ran
 * (added, replaced, removed) is processed again, and the pass says which files changed.</li>
 * <li>A due day whose input is not ready ({@link InputReadiness}: no folder yet, no ready marker, no data row) is
 * not run: the pass says what it waits for and hands it back ({@link Pass#waiting()}); {@link #retry} tries those
 * days alone again, without looking for late data, so that a late folder is processed within minutes.</li>
 * <li>Days older than the window that never completed are not processed, but every pass names them, with the
 * command that processes them: a missed night is never skipped in silence.</li>
 * </ul>
 */
public final class NightlyScheduler {

    private final JobSettings settings;
    private final ScheduleSettings schedule;
    private final InputReadiness readiness;
    private final PrintWriter out;
    private final PrintWriter err;
    private final DeliverySettings delivery;
    private final BgpSettings bgp;
    private final RemoteSettings remote;

    public NightlyScheduler(JobSettings settings, ScheduleSettings schedule, PrintWriter out, PrintWriter err) {
        this(settings, schedule, DeliverySettings.off(), out, err);
    }

    /** @param delivery where the incidents and the job's own health go after each pass and retry */
    public NightlyScheduler(
            JobSettings settings,
            ScheduleSettings schedule,
            DeliverySettings delivery,
            PrintWriter out,
            PrintWriter err) {
        this(settings, schedule, delivery, BgpSettings.OFF, out, err);
    }

    /** @param bgp where the days' BGP files are ({@link BgpSettings#OFF}: no prefix events) */
    public NightlyScheduler(
            JobSettings settings,
            ScheduleSettings schedule,
            DeliverySettings delivery,
            BgpSettings bgp,
            PrintWriter out,
            PrintWriter err) {
        this(settings, schedule, delivery, bgp, null, out, err);
    }

    /** @param remote the remote workers that run the days' attribution and aggregation; null: this process does */
    public NightlyScheduler(
            JobSettings settings,
            ScheduleSettings schedule,
            DeliverySettings delivery,
            BgpSettings bgp,
            RemoteSettings remote,
            PrintWriter out,
            PrintWriter err) {
        this.bgp = bgp;
        this.remote = remote;
        this.settings = settings;
        this.schedule = schedule;
        this.delivery = delivery;
        this.readiness = settings.inputReadiness();
        this.out = out;
        this.err = err;
    }

    /**
     * What one pass (or retry) did: the days that completed, those that failed, every execution it ran (for the run
     * summary), whether a stop request cut it short (a day stopped, or due days were left), why it could not run at
     * all ({@link Trouble#NONE} when it could) and the message that said so (empty when it could), and the due
     * days whose input was not ready, for {@link #retry}.
     */
    public record Pass(
            List<LocalDate> completed,
            List<LocalDate> failed,
            Map<LocalDate, TelemetryExecution> executions,
            boolean interrupted,
            Trouble trouble,
            String problem,
            List<DueDay> waiting) {

        static Pass notRun(Trouble trouble, String problem, List<DueDay> waiting) {
            return new Pass(List.of(), List.of(), Map.of(), false, trouble, problem, List.copyOf(waiting));
        }
    }

    /** Why a pass could not run. */
    public enum Trouble {
        NONE,
        /** The registry has errors, another run holds the database, the job repository cannot be used. */
        CONFIGURATION,
        /** Anything else went wrong (the message was printed). */
        FAILURE
    }

    /**
     * Runs one pass at {@code now}.
     *
     * @param startup true for the pass when the scheduler starts (every due day is then a catch-up)
     * @param watch   receives the session of the pass, so that a stop request can reach its running job, and null
     *                once the session is closed
     * @return what the pass did
     */
    public Pass pass(Instant now, boolean startup, Consumer<JobSession> watch) {
        Horizon horizon = Horizon.at(now, schedule.horizonDays());
        RegistryCache registries = new RegistryCache();
        String registryProblem = registryProblem(registries);
        if (registryProblem != null) {
            return Pass.notRun(Trouble.CONFIGURATION, registryProblem, List.of());
        }
        Outcome outcome = new Outcome();
        try (JobSession session = JobSession.open(settings, "peertel schedule", registries, remote)) {
            watch.accept(session);
            session.registerReceivers(delivery);
            session.reportProgressTo(new Progress(err, false, System::nanoTime));
            DaysDone done = session.daysDone();
            reportDaysBeyondHorizon(done, horizon);
            process(session, dueDays(done, horizon, startup), outcome);
            session.updateMonthReports(err);
            deliver(session, outcome);
        } catch (ConfigurationException busy) {
            err.println("peertel schedule: " + busy.getMessage() + "; this pass is skipped, the next one retries");
            return outcome.pass(Trouble.CONFIGURATION, busy.getMessage());
        } catch (Exception e) {
            err.println("peertel schedule: pass failed: " + e + "; the next pass retries");
            return outcome.pass(Trouble.FAILURE, "pass failed: " + e);
        } finally {
            watch.accept(null);
        }
        return outcome.pass(Trouble.NONE, "");
    }

    /**
     * Tries again the days a pass left {@code waiting}, and only those: no late-data check (which hashes the
     * horizon's files; that stays with the passes). Days still not ready are said again and handed back; the job
     * session is opened only when one of them is ready. A nightly or catch-up day that completed meanwhile (run by
     * hand) is not run again.
     *
     * @param watch as for {@link #pass}
     */
    public Pass retry(List<DueDay> waiting, Consumer<JobSession> watch) {
        List<DueDay> ready = new ArrayList<>();
        Outcome outcome = new Outcome();
        for (DueDay due : waiting) {
            DayInput input = readiness.check(due.day());
            if (input.ready()) {
                ready.add(due);
            } else {
                sayWaiting(due, input);
                outcome.waiting.add(due);
            }
        }
        if (ready.isEmpty()) {
            return outcome.pass(Trouble.NONE, "");
        }
        RegistryCache registries = new RegistryCache();
        String registryProblem = registryProblem(registries);
        if (registryProblem != null) {
            return Pass.notRun(Trouble.CONFIGURATION, registryProblem, waiting);
        }
        try (JobSession session = JobSession.open(settings, "peertel schedule", registries, remote)) {
            watch.accept(session);
            session.reportProgressTo(new Progress(err, false, System::nanoTime));
            DaysDone done = session.daysDone();
            process(
                    session,
                    ready.stream()
                            .filter(due -> due.reason() == RunReason.LATE_DATA || !done.contains(due.day()))
                            .toList(),
                    outcome);
            session.updateMonthReports(err);
            deliver(session, outcome);
        } catch (ConfigurationException busy) {
            err.println("peertel schedule: " + busy.getMessage() + "; this retry is skipped, the next one tries again");
            return Pass.notRun(Trouble.CONFIGURATION, busy.getMessage(), waiting);
        } catch (Exception e) {
            err.println("peertel schedule: retry failed: " + e + "; the next pass retries");
            return outcome.pass(Trouble.FAILURE, "retry failed: " + e);
        } finally {
            watch.accept(null);
        }
        return outcome.pass(Trouble.NONE, "");
    }

    /** Runs the due days whose input is ready, oldest first; the others wait. */
    private void process(JobSession session, List<DueDay> dueDays, Outcome outcome) throws Exception {
        for (DueDay due : dueDays) {
            if (session.stopRequested()) {
                err.println(due.day() + ": not started (stop requested); the next start processes it");
                outcome.interrupted = true;
                continue;
            }
            DayInput input = readiness.check(due.day());
            if (!input.ready()) {
                sayWaiting(due, input);
                outcome.waiting.add(due);
                continue;
            }
            out.println(due.day() + ": processing (" + due.reason().label()
                    + (due.why().isEmpty() ? "" : ": " + due.why())
                    + (input.empty() ? "; an empty day, processed as a day without data: " + input.emptiness() : "")
                    + ")");
            JobExecution execution = session.run(parameters(due));
            outcome.executions.put(due.day(), TelemetryExecution.of(execution, false));
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                outcome.completed.add(due.day());
            } else if (execution.getStatus() == BatchStatus.STOPPED) {
                err.println(due.day() + ": stopped on request; the next start resumes it where it stopped");
                outcome.interrupted = true;
            } else {
                err.println(due.day() + ": " + execution.getStatus() + " (" + JobFailure.describe(execution)
                        + "); the next pass restarts it");
                outcome.failed.add(due.day());
            }
        }
    }

    private void sayWaiting(DueDay due, DayInput input) {
        out.println(due.day() + ": waiting for " + input.waitingFor() + " ("
                + due.reason().label() + ")" + (input.hint().isEmpty() ? "" : "; " + input.hint()));
    }

    /** Null when the registry loads; else prints its errors and returns the one line that says why nothing ran. */
    private String registryProblem(RegistryCache registries) {
        RegistryLoadResult registry = registries.load(settings.connections());
        if (registry.ok()) {
            return null;
        }
        registry.errors().forEach(err::println);
        err.println("peertel schedule: " + settings.connections() + " has "
                + registry.errors().size()
                + " error(s); nothing processed in this pass; fix the registry, the next pass retries");
        return settings.connections() + ": " + registry.errors().size() + " error(s) in the connections registry";
    }

    /** What a pass or a retry gathers while it runs. */
    /** Sends the receivers what the pass changed, with how its days stand (completed, failed, still missing). */
    private void deliver(JobSession session, Outcome outcome) {
        if (!delivery.anyReceiver()) {
            return;
        }
        List<DayOutcome> days = new ArrayList<>();
        outcome.completed.forEach(day -> days.add(DayOutcome.completed(day)));
        for (LocalDate day : outcome.failed) {
            TelemetryExecution execution = outcome.executions.get(day);
            String cause = execution == null ? null : execution.cause();
            days.add(DayOutcome.failed(day, cause == null ? "see peertel history" : cause));
        }
        outcome.waiting.forEach(due -> days.add(DayOutcome.missing(due.day(), "its input is not ready")));
        DeliveryReport report = session.deliverAlerts(delivery, days, err);
        report.lines().forEach(line -> out.println("peertel schedule: " + line));
        out.println("peertel schedule: " + report.summary());
    }

    private static final class Outcome {
        final List<LocalDate> completed = new ArrayList<>();
        final List<LocalDate> failed = new ArrayList<>();
        final Map<LocalDate, TelemetryExecution> executions = new LinkedHashMap<>();
        final List<DueDay> waiting = new ArrayList<>();
        boolean interrupted;

        Pass pass(Trouble trouble, String problem) {
            return new Pass(completed, failed, executions, interrupted, trouble, problem, List.copyOf(waiting));
        }
    }

    private List<DueDay> dueDays(DaysDone done, Horizon horizon, boolean startup) {
        List<DueDay> due = new ArrayList<>();
        LocalDate yesterday = horizon.yesterday();
        try (TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            for (LocalDate day : horizon.days(done)) {
                if (!done.contains(day)) {
                    due.add(new DueDay(
                            day, day.equals(yesterday) && !startup ? RunReason.NIGHTLY : RunReason.CATCH_UP, ""));
                    continue;
                }
                DayManifest.Changes changes = DayManifest.of(settings.input().resolve(day.toString()))
                        .changesSince(store.queries().manifest(day))
                        .and(bgpChanges(store, day));
                if (changes.any()) {
                    due.add(new DueDay(day, RunReason.LATE_DATA, changes.toString()));
                }
            }
        }
        return due;
    }

    /**
     * With BGP on, how the day's BGP folder differs from the files its last run with BGP on read (none when it was
     * missing or never read with BGP on), the names prefixed {@code bgp/}; no change with BGP off.
     */
    private DayManifest.Changes bgpChanges(TelemetryStore store, LocalDate day) {
        if (bgp.folder() == null) {
            return DayManifest.Changes.NONE;
        }
        Path folder = BgpDay.folder(bgp.folder(), day);
        DayManifest now =
                Files.isDirectory(folder) ? DayManifest.ofFiles(BgpDay.files(folder)) : new DayManifest(List.of());
        BgpDayRead read = store.bgpDay(day);
        DayManifest then = new DayManifest(read == null ? List.of() : read.files());
        return now.changesSince(then).named("bgp/");
    }

    private void reportDaysBeyondHorizon(DaysDone done, Horizon horizon) {
        List<String> ranges = new ArrayList<>();
        LocalDate start = null;
        LocalDate first = horizon.first();
        for (LocalDate day = horizon.earliest(done); day.isBefore(first); day = day.plusDays(1)) {
            boolean missed = !done.contains(day);
            if (missed && start == null) {
                start = day;
            }
            if (!missed && start != null) {
                ranges.add(range(start, day.minusDays(1)));
                start = null;
            }
        }
        if (start != null) {
            ranges.add(range(start, first.minusDays(1)));
        }
        for (String range : ranges) {
            err.println("peertel schedule: WARNING: " + range + " never completed and is older than the "
                    + schedule.horizonDays() + "-day catch-up horizon; process it by hand: peertel run "
                    + range.replace(" .. ", " --to ").replaceFirst("^", "--from "));
        }
    }

    private static String range(LocalDate from, LocalDate to) {
        return from + " .. " + to;
    }

    private TelemetryJobParameters parameters(DueDay due) {
        return new TelemetryJobParameters(
                        due.day(),
                        0,
                        settings.connections(),
                        settings.input(),
                        settings.out(),
                        settings.db(),
                        settings.alerts(),
                        due.reason())
                .withBgp(bgp);
    }
}
