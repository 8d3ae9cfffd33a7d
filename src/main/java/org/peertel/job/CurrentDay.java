package org.peertel.job;

import org.peertel.config.DuckDbSettings;
import org.peertel.config.JobSettings;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Holds the {@link DayRun} of the job execution in progress: built from the job parameters when the execution
 * starts (also on a restart) and closed when it ends. Steps read it through {@link #get()}, a plain field read.
 * A job-scoped proxy would do the same job, but its bean lookup on every call cost seconds per million rows on
 * the hot path. One process runs one job execution at a time (executions of days run one after another).
 */
@Component
public class CurrentDay implements JobExecutionListener {

    private final RegistryCache registries;
    private final DuckDbSettings duckDb;
    private volatile DayRun run;
    private volatile JobExecution execution;

    /** @param registries the cache of the command that started the context, if it gave one (the launch session) */
    public CurrentDay(JobSettings settings, ObjectProvider<RegistryCache> registries) {
        this.duckDb = settings.duckDb();
        this.registries = registries.getIfAvailable(RegistryCache::new);
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        close();
        execution = jobExecution;
        TelemetryJobParameters parameters = TelemetryJobParameters.from(jobExecution.getJobParameters());
        run = new DayRun(parameters, registries.get(parameters.connections()), duckDb);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        close();
        execution = null;
    }

    /** The job execution in progress, or null (for a stop request from another thread). */
    public JobExecution execution() {
        return execution;
    }

    /** The day being processed; fails outside a job execution. */
    public DayRun get() {
        DayRun current = run;
        if (current == null) {
            throw new IllegalStateException("no telemetry job execution in progress");
        }
        return current;
    }

    private void close() {
        DayRun previous = run;
        run = null;
        if (previous != null) {
            previous.close();
        }
    }
}
