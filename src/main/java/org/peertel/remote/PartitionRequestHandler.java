package org.peertel.remote;

import java.io.PrintStream;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A worker's side of a partition request: decides whether to run it, then runs it with Spring Batch's
 * {@link StepExecutionRequestHandler}. Called inside the transacted JMS session that received the request, so the
 * request is acknowledged only when this returns: a worker killed meanwhile never acknowledges it, and the broker gives
 * it to another worker (a redelivery). Rules, checked against the shared job repository:
 *
 * <ul>
 *   <li>a request of a job execution that has ended (failed on a timeout, or its manager died) is not run: the
 *       restart sends requests of its own. If the partition is STARTED and the request a redelivery, its worker
 *       stopped working on it, so it is marked FAILED here, for the restart to run it again (the manager's recovery
 *       never marks a STARTED partition: only the broker knows that its worker is gone);
 *   <li>a partition already COMPLETED is not run again (Spring Batch's handler would);
 *   <li>a partition STARTING is run; one STARTED only when the request is a redelivery: the broker redelivers only
 *       once the session of the worker that had it is gone, which is how peertel knows that worker stopped working
 *       on it. Any other STARTED partition belongs to a live worker and is left alone.
 * </ul>
 *
 * A failure to record the partition's end (its status still running in the repository) is thrown, so the session
 * rolls back and the request comes again, at most the broker's delivery limit times, then goes to its dead-letter
 * address.
 */
final class PartitionRequestHandler {

    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler runner;
    private final PrintStream log;

    PartitionRequestHandler(JobRepository jobRepository, StepExecutionRequestHandler runner, PrintStream log) {
        this.jobRepository = jobRepository;
        this.runner = runner;
        this.log = log;
    }

    void handle(String text, boolean redelivered) {
        StepExecutionRequest request = PartitionRequests.parse(text);
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.println("peertel worker: dropped a request for step execution " + request.getStepExecutionId()
                    + ", which the job repository does not hold");
            return;
        }
        String skip = whyNotRun(partition, redelivered);
        if (skip != null) {
            log.println("peertel worker: " + partition.getStepName() + ": " + skip);
            return;
        }
        long started = System.nanoTime();
        StepExecution ran = runner.handle(request);
        StepExecution recorded = jobRepository.getStepExecution(request.getStepExecutionId());
        if (recorded.getStatus().isRunning()) {
            throw new IllegalStateException("the end of " + partition.getStepName() + " (" + ran.getStatus()
                    + ") could not be recorded in the job repository; the request will come again");
        }
        log.printf(
                "peertel worker: %s of %s %s in %.1f s%n",
                partition.getStepName(),
                partition.getJobParameters().getLocalDate("date"),
                recorded.getStatus(),
                (System.nanoTime() - started) / 1e9);
    }

    /** Why the partition is not to be run, or null to run it. */
    private String whyNotRun(StepExecution partition, boolean redelivered) {
        JobExecution job = jobRepository.getJobExecution(partition.getJobExecutionId());
        if (job == null || !job.isRunning()) {
            String ended = "its job execution has ended (" + (job == null ? "gone" : job.getStatus()) + ")";
            if (partition.getStatus() == BatchStatus.STARTED && redelivered) {
                return markFailed(partition, ended);
            }
            return "dropped: " + ended;
        }
        BatchStatus status = partition.getStatus();
        if (status == BatchStatus.STARTING) {
            return null;
        }
        if (status == BatchStatus.STARTED && redelivered) {
            return null;
        }
        if (status == BatchStatus.STARTED) {
            return "dropped: another worker is running it";
        }
        return "dropped: already " + status;
    }

    /**
     * Marks FAILED a partition whose worker stopped (the broker redelivered its request) after its job execution
     * ended, so that the day's restart runs it again; an optimistic-lock update, which loses to any other update.
     */
    private String markFailed(StepExecution partition, String ended) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(
                "its worker stopped while running it, and " + ended + "; the restart runs it again"));
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
            return "marked FAILED: its worker stopped while running it, and " + ended;
        } catch (OptimisticLockingFailureException changed) {
            return "dropped: " + ended + ", and it changed meanwhile";
        }
    }
}
