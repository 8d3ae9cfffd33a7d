package org.peertel.job;

import java.nio.file.Path;
import java.time.LocalDate;

import org.peertel.config.JobSettings;
import org.peertel.ingest.LatencyRow;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
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
    public Job telemetryJob(JobRepository jobRepository, Step attributeStep, Step publishStep, Step alertStep,
                            Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(attributeStep)
                .next(publishStep)
                .next(alertStep)
                .next(reportStep)
                .build();
    }

    @Bean
    public Step attributeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              LatencyItemReader latencyReader, DayRun dayRun, JobSettings settings) {
        return new StepBuilder("attributeStep", jobRepository)
                .<LatencyRow, AttributedRow>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(latencyReader)
                .processor(new AttributionProcessor(dayRun))
                .writer(new StagingItemWriter(dayRun))
                .listener(new ClearStagingListener(dayRun))
                .build();
    }

    @Bean
    public Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            DayRun dayRun) {
        return new StepBuilder("publishStep", jobRepository)
                .tasklet(new PublishDayTasklet(dayRun), transactionManager).build();
    }

    @Bean
    public Step alertStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          DayRun dayRun) {
        return new StepBuilder("alertStep", jobRepository)
                .tasklet(new EvaluateAlertsTasklet(dayRun), transactionManager).build();
    }

    @Bean
    public Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           DayRun dayRun) {
        return new StepBuilder("reportStep", jobRepository)
                .tasklet(new WriteReportsTasklet(dayRun), transactionManager).build();
    }

    @Bean
    @StepScope
    public LatencyItemReader latencyReader(DayRun dayRun) {
        return new LatencyItemReader(dayRun);
    }

    @Bean(destroyMethod = "close")
    @JobScope
    public DayRun dayRun(@Value("#{jobParameters['date']}") LocalDate date,
                         @Value("#{jobParameters['attempt']}") Long attempt,
                         @Value("#{jobParameters['connections']}") String connections,
                         @Value("#{jobParameters['input']}") String input,
                         @Value("#{jobParameters['out']}") String out,
                         @Value("#{jobParameters['db']}") String db,
                         @Value("#{jobParameters['alerts']}") String alerts) {
        return new DayRun(new TelemetryJobParameters(date, attempt, Path.of(connections), Path.of(input),
                Path.of(out), Path.of(db), Path.of(alerts)));
    }
}
