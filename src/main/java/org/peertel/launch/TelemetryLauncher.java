package org.peertel.launch;

import java.time.LocalDate;
import org.peertel.job.ExecutionRecord;
import org.peertel.job.ExecutionRecordListener;
import org.peertel.job.RunReason;
import org.peertel.job.TelemetryJobConfiguration;
import org.peertel.job.TelemetryJobParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the telemetry job for one day the way Spring Batch users expect: the day's last attempt is restarted if it
 * failed or stopped (completed steps are not run again), and a day that completed is run again as a new job
 * instance with the next attempt number, so every re-run leaves its own execution in the history.
 */
@Component
public class TelemetryLauncher {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job telemetryJob;
    private final ExecutionRecordListener record;

    public TelemetryLauncher(
            JobOperator jobOperator, JobRepository jobRepository, Job telemetryJob, ExecutionRecordListener record) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.telemetryJob = telemetryJob;
        this.record = record;
    }

    /** Runs one day for {@code reason}; see {@link #run(TelemetryJobParameters)}. */
    public JobExecution run(TelemetryJobParameters parameters, RunReason reason) throws Exception {
        return run(parameters.withReason(reason));
    }

    /**
     * Runs one day; {@code parameters.attempt()} is ignored and chosen here. Returns the finished execution.
     * {@code parameters.reason()} says why: a new instance gets it as its {@code reason} parameter; a restart keeps
     * the parameters of the execution it restarts, and the reason is recorded in its execution context
     * ({@link ExecutionRecord}), together with the fact that it is a restart.
     */
    public JobExecution run(TelemetryJobParameters parameters) throws Exception {
        LocalDate day = parameters.date();
        long attempt = 1;
        JobInstance last = null;
        JobInstance instance;
        while ((instance = jobRepository.getJobInstance(
                        TelemetryJobConfiguration.JOB_NAME, TelemetryJobParameters.identifying(day, attempt)))
                != null) {
            last = instance;
            attempt++;
        }
        if (last != null) {
            JobExecution previous = jobRepository.getLastJobExecution(last);
            if (previous != null && previous.getStatus().isRunning()) {
                // Left STARTED by a process that died: mark it failed so that it can be restarted.
                previous = DeadRunRecovery.recover(jobRepository, previous);
            }
            if (previous != null
                    && (previous.getStatus() == BatchStatus.FAILED || previous.getStatus() == BatchStatus.STOPPED)) {
                record.expect(parameters.reason());
                try {
                    return jobOperator.restart(previous);
                } finally {
                    record.expect(null);
                }
            }
        }
        record.expect(parameters.reason());
        try {
            return jobOperator.start(
                    telemetryJob, parameters.withAttempt(attempt).toJobParameters());
        } finally {
            record.expect(null);
        }
    }
}
