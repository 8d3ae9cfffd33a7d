package org.peertel.job;

import org.peertel.config.JobSettings;
import org.peertel.ingest.LatencyRow;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The telemetry job: one UTC day from latency files to alert files and customer reports.
 * attributeStep (read, match, stage) → publishStep (swap the day in, aggregate) → alertStep → reportStep.
 */
@Configuration
public class TelemetryJobConfiguration {

    public static final String JOB_NAME = "telemetryJob";

    @Bean
    public Job telemetryJob(JobRepository jobRepository, CurrentDay currentDay, ExecutionRecordListener record,
                            Step attributeStep, Step publishStep, Step alertStep, Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(currentDay)
                .listener(record)
                .start(attributeStep)
                .next(publishStep)
                .next(alertStep)
                .next(reportStep)
                .build();
    }

    @Bean
    public LatencyItemReader latencyItemReader(CurrentDay currentDay, JobSettings settings) {
        return new LatencyItemReader(currentDay, settings.ingest());
    }

    /** The progress line of attributeStep (files, rows, rows/s, elapsed) on stderr. */
    @Bean
    public ProgressListener progressListener(LatencyItemReader latencyItemReader, CurrentDay currentDay) {
        return new ProgressListener(latencyItemReader, currentDay);
    }

    @Bean
    public Step attributeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              CurrentDay currentDay, JobSettings settings, LatencyItemReader reader,
                              ProgressListener progressListener) {
        return new StepBuilder("attributeStep", jobRepository)
                .<LatencyRow, AttributedRow>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(new AttributionProcessor(currentDay))
                .writer(new StagingItemWriter(currentDay, reader))
                .listener(new ClearStagingListener(currentDay))
                .listener(progressListener)
                .build();
    }

    @Bean
    public Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            CurrentDay currentDay) {
        return new StepBuilder("publishStep", jobRepository)
                .tasklet(new PublishDayTasklet(currentDay), transactionManager).build();
    }

    @Bean
    public Step alertStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          CurrentDay currentDay) {
        return new StepBuilder("alertStep", jobRepository)
                .tasklet(new EvaluateAlertsTasklet(currentDay), transactionManager).build();
    }

    @Bean
    public Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           CurrentDay currentDay) {
        return new StepBuilder("reportStep", jobRepository)
                .tasklet(new WriteReportsTasklet(currentDay), transactionManager).build();
    }
}
