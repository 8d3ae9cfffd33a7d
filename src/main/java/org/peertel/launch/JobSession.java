package org.peertel.launch;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.peertel.config.JobSettings;
import org.peertel.delivery.AlertDelivery;
import org.peertel.delivery.DayOutcome;
import org.peertel.delivery.DeliveryReport;
import org.peertel.delivery.DeliverySettings;
import org.peertel.history.DaysDone;
import org.peertel.history.TelemetryHistory;
import org.peertel.job.CurrentDay;
import org.peertel.job.Progress;
import org.peertel.job.ProgressListener;
import org.peertel.job.RegistryCache;
import org.peertel.job.TelemetryJobParameters;
import org.peertel.remote.RemoteRole;
import org.peertel.remote.RemoteSettings;
import org.peertel.report.MonthReports;
import org.peertel.report.OutputLayout;
import org.peertel.report.RegistryOwners;
import org.peertel.report.RunSummary;
import org.peertel.store.DuckDbLibrary;
import org.peertel.store.TelemetryStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One working session on a database: the run lock of {@code --db}, then the Spring context with the job
 * repository. Closing it closes the context and releases the lock. {@link #requestStop()} (called from a
 * SIGTERM hook) asks the running job execution to stop: attributeStep's workers stop within {@code chunk-size}
 * rows, any other step runs to its end first; the execution ends STOPPED and the next run restarts it.
 */
public final class JobSession implements AutoCloseable {

    private final JobSettings settings;
    private final RunLock lock;
    private final ConfigurableApplicationContext context;
    private final RepositoryServer server;
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean stopRequested;
    private volatile boolean closed;

    private JobSession(
            JobSettings settings, RunLock lock, ConfigurableApplicationContext context, RepositoryServer server) {
        this.settings = settings;
        this.lock = lock;
        this.context = context;
        this.server = server;
    }

    /**
     * Takes the lock (or fails naming its holder), then starts the context, and serves an H2 job repository to
     * read-only commands of other processes while the session is open ({@link RepositoryServer}).
     *
     * @param registries where the command loaded the registry it checked, for the job executions to reuse
     */
    public static JobSession open(JobSettings settings, String command, RegistryCache registries) {
        return open(settings, command, registries, null);
    }

    /**
     * As {@link #open(JobSettings, String, RegistryCache)}; with {@code remote} set, the session is the manager of
     * remote workers ({@code run --workers remote}): its days' attribution and aggregation run on them.
     */
    public static JobSession open(
            JobSettings settings, String command, RegistryCache registries, RemoteSettings remote) {
        RunLock lock = RunLock.acquire(settings.db(), command);
        RepositoryServer.clearStale(settings.db());
        try {
            // on other threads, while the context starts
            registries.prepareMatcher();
            DuckDbLibrary.loadInBackground();
            ConfigurableApplicationContext context = TelemetryApplication.start(
                    settings, settings.db(), registries, remote == null ? null : RemoteRole.MANAGER, remote);
            return new JobSession(settings, lock, context, serve(settings));
        } catch (RuntimeException e) {
            lock.close();
            DuckDbLibrary.awaitQuietly();
            throw e;
        }
    }

    /** The repository server of this session, or null: not a local H2 file, or it could not start (said on stderr). */
    private static RepositoryServer serve(JobSettings settings) {
        try {
            return RepositoryServer.start(settings);
        } catch (Exception e) {
            System.err.println("peertel: WARNING: history cannot read the job repository while this run works: "
                    + "its server did not start (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Runs one day (see {@link TelemetryLauncher#run}); refuses to start once a stop was requested. */
    public JobExecution run(TelemetryJobParameters parameters) throws Exception {
        if (stopRequested) {
            throw new IllegalStateException("stop requested: no new day is started");
        }
        started.incrementAndGet();
        RemoteSettings remote = context.getBeanProvider(RemoteSettings.class).getIfAvailable();
        return context.getBean(TelemetryLauncher.class)
                .run(remote == null ? parameters : parameters.withShared(remote.sharedDir()));
    }

    /**
     * Writes the month-to-date files of every month whose figures or alerts changed ({@link MonthReports}), once,
     * after the days of a run or a pass; nothing when {@code reports.month-to-date} is off (the months stay marked).
     * A failure is said on {@code err} and changes nothing else: the months stay marked for the next run. A stop
     * request ({@link #requestStop}) ends it between two customers' files, and the months not written stay marked.
     */
    public void updateMonthReports(PrintWriter err) {
        if (!settings.reports().monthToDate()) {
            return;
        }
        try (TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            MonthReports.writeBehind(
                    store,
                    new OutputLayout(settings.out()),
                    RegistryOwners.of(settings.connections()),
                    () -> stopRequested);
            if (stopRequested && !store.staleMonths().isEmpty()) {
                err.println("peertel: the month-to-date reports were left behind (stop requested); the next run "
                        + "writes them");
            }
        } catch (RuntimeException e) {
            err.println("peertel: WARNING: the month-to-date reports were not updated (" + e.getMessage()
                    + "); the next run writes them");
        }
    }

    /** Makes the receivers of {@code delivery} known to the store before the days run (see AlertDelivery). */
    public void registerReceivers(DeliverySettings delivery) {
        if (delivery.anyReceiver()) {
            try (TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
                AlertDelivery.register(store, delivery);
            }
        }
    }

    /**
     * Sends the receivers of {@code delivery} what the alert outbox holds (and Alertmanager how the days of the run
     * ended), then writes what is left (pending, failed) into the run summaries of the days that completed. Never throws: a delivery that cannot run is a WARNING, and the changes
     * wait in the outbox for the next run.
     */
    public DeliveryReport deliverAlerts(DeliverySettings delivery, List<DayOutcome> outcomes, PrintWriter err) {
        if (!delivery.anyReceiver()) {
            return DeliveryReport.NONE;
        }
        try (TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            DeliveryReport report = AlertDelivery.deliver(store, delivery, System.getenv(), outcomes);
            OutputLayout layout = new OutputLayout(settings.out());
            for (DayOutcome outcome : outcomes) {
                if (outcome.kind() == DayOutcome.Kind.COMPLETED) {
                    RunSummary.updateDelivery(layout.runSummary(outcome.day()), report.pending(), report.failed());
                }
            }
            return report;
        } catch (RuntimeException e) {
            err.println("peertel: WARNING: the alerts were not delivered (" + e.getMessage()
                    + "); they stay in the outbox for the next run");
            return DeliveryReport.NONE;
        }
    }

    /** How many days this session has started running (also those still running); safe from another thread. */
    public int daysStarted() {
        return started.get();
    }

    /** Where the attribution step reports its progress. */
    public void reportProgressTo(Progress progress) {
        context.getBean(ProgressListener.class).reportTo(progress);
    }

    /** The days done, as {@link TelemetryHistory#daysDone()} counts them. */
    public DaysDone daysDone() {
        return new TelemetryHistory(context.getBean(JobRepository.class)).daysDone();
    }

    /**
     * The day of the job execution running now, if any; safe to call from another thread, also once the session is
     * closed (then empty).
     */
    public Optional<LocalDate> runningDay() {
        JobExecution running = runningExecution();
        return running == null || !running.isRunning()
                ? Optional.empty()
                : Optional.ofNullable(running.getJobParameters().getLocalDate(TelemetryJobParameters.DATE));
    }

    /**
     * Asks the running execution, if any, to stop, and refuses to start another; safe to call from another thread,
     * also once the session is closed (then it does nothing).
     */
    public void requestStop() {
        stopRequested = true;
        JobExecution running = runningExecution();
        if (running != null && running.isRunning()) {
            try {
                context.getBean(JobOperator.class).stop(running);
            } catch (Exception e) {
                // it finished in the meantime: nothing to stop
            }
        }
    }

    /** The execution in progress, or null: none, or the session is closed (or closing, on another thread). */
    private JobExecution runningExecution() {
        if (closed) {
            return null;
        }
        try {
            return context.getBean(CurrentDay.class).execution();
        } catch (IllegalStateException closing) {
            return null;
        }
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
            context.close();
        } finally {
            lock.close();
            DuckDbLibrary.awaitQuietly();
        }
    }
}
