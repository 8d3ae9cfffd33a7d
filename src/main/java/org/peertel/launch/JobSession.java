package org.peertel.launch;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.peertel.config.JobSettings;
import org.peertel.job.CurrentDay;
import org.peertel.job.Progress;
import org.peertel.job.ProgressListener;
import org.peertel.job.RegistryCache;
import org.peertel.job.TelemetryJobConfiguration;
import org.peertel.job.TelemetryJobParameters;
import org.peertel.store.DuckDbLibrary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
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

    private final RunLock lock;
    private final ConfigurableApplicationContext context;
    private volatile boolean stopRequested;
    private volatile boolean closed;

    private JobSession(RunLock lock, ConfigurableApplicationContext context) {
        this.lock = lock;
        this.context = context;
    }

    /**
     * Takes the lock (or fails naming its holder), then starts the context.
     *
     * @param registries where the command loaded the registry it checked, for the job executions to reuse
     */
    public static JobSession open(JobSettings settings, String command, RegistryCache registries) {
        RunLock lock = RunLock.acquire(settings.db(), command);
        try {
            // on other threads, while the context starts
            registries.prepareMatcher();
            DuckDbLibrary.loadInBackground();
            return new JobSession(lock, TelemetryApplication.start(settings, settings.db(), registries));
        } catch (RuntimeException e) {
            lock.close();
            DuckDbLibrary.awaitQuietly();
            throw e;
        }
    }

    /** Runs one day (see {@link TelemetryLauncher#run}); refuses to start once a stop was requested. */
    public JobExecution run(TelemetryJobParameters parameters) throws Exception {
        if (stopRequested) {
            throw new IllegalStateException("stop requested: no new day is started");
        }
        return context.getBean(TelemetryLauncher.class).run(parameters);
    }

    /** Where the attribution step reports its progress. */
    public void reportProgressTo(Progress progress) {
        context.getBean(ProgressListener.class).reportTo(progress);
    }

    /** Days whose last job execution completed, in order. */
    public Set<LocalDate> completedDays() {
        JobRepository repository = context.getBean(JobRepository.class);
        Set<LocalDate> days = new TreeSet<>();
        for (JobInstance instance : repository.findJobInstances(TelemetryJobConfiguration.JOB_NAME)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                days.add(last.getJobParameters().getLocalDate(TelemetryJobParameters.DATE));
            }
        }
        return days;
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
            context.close();
        } finally {
            lock.close();
            DuckDbLibrary.awaitQuietly();
        }
    }
}
