package org.peertel.launch;

import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Marks FAILED the execution of a day left running by a process that died, so that it can be restarted: what
 * {@code JobOperator.recover} does, except for the partitions remote workers hold. A partition STARTED by a worker
 * is left as it is, because its worker may be alive and still writing (only the broker knows it is not, and then a
 * worker that gets the request again marks it FAILED, see the remote package); Spring Batch refuses to restart the
 * day until it has ended. A partition no worker took yet (STARTING) is marked FAILED, unless a worker takes it at
 * that moment (the optimistic lock of the update decides).
 */
final class DeadRunRecovery {

    /** How Spring Batch names a partition's step execution: {@code <worker step>:<partition>}. */
    private static final String PARTITION_SEPARATOR = ":";

    /** The mark JobOperator.recover leaves in the contexts, which history reads (ExecutionCause). */
    private static final String RECOVERED = "batch.recovered";

    private DeadRunRecovery() {}

    static JobExecution recover(JobRepository jobRepository, JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            boolean partition = step.getStepName().contains(PARTITION_SEPARATOR);
            if (!step.getStatus().isRunning() || (partition && step.getStatus() == BatchStatus.STARTED)) {
                continue;
            }
            step.setStatus(BatchStatus.FAILED);
            step.setEndTime(LocalDateTime.now());
            step.getExecutionContext().put(RECOVERED, true);
            try {
                jobRepository.update(step);
                jobRepository.updateExecutionContext(step);
            } catch (OptimisticLockingFailureException taken) {
                // a worker took the partition just now: it is its own to end
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setEndTime(LocalDateTime.now());
        execution.getExecutionContext().put(RECOVERED, true);
        jobRepository.update(execution);
        jobRepository.updateExecutionContext(execution);
        return execution;
    }
}
