package org.peertel.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Records in each job execution's context why it runs ({@link ExecutionRecord#REASON}) and whether it restarts an
 * earlier execution of the same job instance ({@link ExecutionRecord#RESTART}), and saves that at once, so even an
 * execution that fails in its first step shows in history why it ran.
 *
 * <p>The reason is the one the launcher was given for this invocation ({@link #expect}); for a new
 * instance that equals the {@code reason} job parameter, for a restart it usually does not (a nightly run that
 * restarts yesterday's failed manual run keeps the parameters of the manual run).
 */
@Component
public class ExecutionRecordListener implements JobExecutionListener {

    private final JobRepository jobRepository;
    private volatile RunReason expected;

    public ExecutionRecordListener(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** The reason of the execution about to be launched on this process; null to take the job parameter. */
    public void expect(RunReason reason) {
        expected = reason;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        RunReason reason = expected != null
                ? expected
                : RunReason.ofCode(jobExecution.getJobParameters().getString(TelemetryJobParameters.REASON));
        expected = null;
        boolean restart = jobRepository.getJobExecutions(jobExecution.getJobInstance()).stream()
                .anyMatch(e -> e.getId() < jobExecution.getId());
        ExecutionRecord.started(jobExecution.getExecutionContext(), reason, restart);
        jobRepository.updateExecutionContext(jobExecution);
    }
}
