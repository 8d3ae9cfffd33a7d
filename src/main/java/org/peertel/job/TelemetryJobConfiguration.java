package org.peertel.job;

import org.peertel.config.JobSettings;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The telemetry job: one UTC day from latency files to alert files and customer reports. attributeStep (read,
 * match, spool; with remote workers, {@link RemoteIntake}: attributeStep and aggregateStep partitioned) → publishStep (load the spool into DuckDB, aggregate) → eventStep (with BGP on: the day's prefix
 * events) → alertStep → reportStep → retentionStep (older days' rows into the Parquet archive).
 */
@Configuration(proxyBeanMethods = false)
public class TelemetryJobConfiguration {

    public static final String JOB_NAME = "telemetryJob";

    /** The first step's name, in one process and in a remote run (whose workers read its execution context). */
    public static final String ATTRIBUTE_STEP = "attributeStep";

    @Bean
    public Job telemetryJob(
            JobRepository jobRepository,
            CurrentDay currentDay,
            ExecutionRecordListener record,
            Step attributeStep,
            Step publishStep,
            Step eventStep,
            Step alertStep,
            Step reportStep,
            Step retentionStep,
            ObjectProvider<RemoteIntake> remote) {
        JobBuilder job =
                new JobBuilder(JOB_NAME, jobRepository).listener(currentDay).listener(record);
        RemoteIntake intake = remote.getIfAvailable();
        SimpleJobBuilder steps = intake == null
                ? job.start(attributeStep)
                : job.start(intake.attributeStep()).next(intake.collectStep()).next(intake.aggregateStep());
        return steps.next(publishStep)
                .next(eventStep)
                .next(alertStep)
                .next(reportStep)
                .next(retentionStep)
                .build();
    }

    /** The progress line of attributeStep (files, rows, rows/s, elapsed) on stderr. */
    @Bean
    public ProgressListener progressListener(CurrentDay currentDay) {
        return new ProgressListener(currentDay);
    }

    /** One worker per core; {@code chunk-size} rows between two stop checks and progress counts of a worker. */
    @Bean
    public Step attributeStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            CurrentDay currentDay,
            JobSettings settings,
            ProgressListener progressListener) {
        int threads = Runtime.getRuntime().availableProcessors();
        return new StepBuilder(ATTRIBUTE_STEP, jobRepository)
                .tasklet(
                        new AttributeDayTasklet(
                                currentDay, progressListener, settings.chunkSize(), threads, settings.ingest()),
                        transactionManager)
                .listener(progressListener)
                .build();
    }

    @Bean
    public Step publishStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, CurrentDay currentDay) {
        return new StepBuilder("publishStep", jobRepository)
                .tasklet(new PublishDayTasklet(currentDay), transactionManager)
                .build();
    }

    @Bean
    public Step eventStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, CurrentDay currentDay) {
        return new StepBuilder("eventStep", jobRepository)
                .tasklet(new ComputePrefixEventsTasklet(currentDay), transactionManager)
                .build();
    }

    @Bean
    public Step alertStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, CurrentDay currentDay) {
        return new StepBuilder("alertStep", jobRepository)
                .tasklet(new EvaluateAlertsTasklet(currentDay), transactionManager)
                .build();
    }

    @Bean
    public Step reportStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, CurrentDay currentDay) {
        return new StepBuilder("reportStep", jobRepository)
                .tasklet(new WriteReportsTasklet(currentDay), transactionManager)
                .build();
    }

    @Bean
    public Step retentionStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            CurrentDay currentDay,
            JobSettings settings) {
        return new StepBuilder("retentionStep", jobRepository)
                .tasklet(new ArchiveOldDaysTasklet(currentDay, settings.retention()), transactionManager)
                .build();
    }
}
