package org.peertel.job;

import org.peertel.config.IngestSettings;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before the manager's remote attributeStep sends its partitions: a first attempt of the day starts from an empty
 * shared spool (a restart keeps the files of the partitions that completed), and the manager's ingest settings are
 * recorded for the workers ({@link WorkerIngest}).
 */
public final class RemoteAttributeStart implements StepExecutionListener {

    private final CurrentDay current;
    private final JobRepository jobRepository;
    private final IngestSettings ingest;

    public RemoteAttributeStart(CurrentDay current, JobRepository jobRepository, IngestSettings ingest) {
        this.current = current;
        this.jobRepository = jobRepository;
        this.ingest = ingest;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        JobExecution job = stepExecution.getJobExecution();
        if (jobRepository.getJobExecutions(job.getJobInstance()).size() <= 1) {
            current.get().spool().clear();
        }
        WorkerIngest.put(stepExecution.getExecutionContext(), ingest);
        jobRepository.updateExecutionContext(stepExecution);
    }
}
