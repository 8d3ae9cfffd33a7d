package org.peertel.remote;

import jakarta.jms.ConnectionFactory;
import org.peertel.config.JobSettings;
import org.peertel.job.BucketPartitioner;
import org.peertel.job.CollectSpoolTasklet;
import org.peertel.job.CurrentDay;
import org.peertel.job.FilePartitioner;
import org.peertel.job.RemoteAttributeStart;
import org.peertel.job.RemoteIntake;
import org.peertel.job.TelemetryJobConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The manager of a day run by remote workers ({@code run --workers remote}): the job's {@link RemoteIntake} steps,
 * whose partition requests go to the broker's queue. The rest of the job runs here as in one process.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
@ConditionalOnProperty(name = RemoteRole.PROPERTY, havingValue = "manager")
public class RemoteManagerConfiguration {

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /** Each request as text on the queue, sent in the manager's own (non-transacted) session. */
    @Bean
    public IntegrationFlow partitionRequestsToBroker(
            DirectChannel partitionRequests, ConnectionFactory partitionBroker) {
        return IntegrationFlow.from(partitionRequests)
                .transform(StepExecutionRequest.class, PartitionRequests::text)
                .handle(Jms.outboundAdapter(partitionBroker).destination(PartitionRequests.QUEUE))
                .get();
    }

    @Bean
    public RemoteIntake remoteIntake(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            CurrentDay currentDay,
            JobSettings settings,
            RemoteSettings remote,
            DirectChannel partitionRequests) {
        return new RemoteIntake(
                new StepBuilder(TelemetryJobConfiguration.ATTRIBUTE_STEP, jobRepository)
                        .partitioner(RemoteRole.ATTRIBUTE_PARTITION, new FilePartitioner(currentDay))
                        .partitionHandler(new RemotePartitionHandler(
                                partitionRequests, jobRepository, RemoteRole.ATTRIBUTE_PARTITION, remote))
                        .listener(new RemoteAttributeStart(currentDay, jobRepository, settings.ingest()))
                        .build(),
                new StepBuilder("collectStep", jobRepository)
                        .tasklet(new CollectSpoolTasklet(currentDay), transactionManager)
                        .build(),
                new StepBuilder("aggregateStep", jobRepository)
                        .partitioner(
                                RemoteRole.AGGREGATE_PARTITION,
                                new BucketPartitioner(currentDay, remote.bucketMinBytes()))
                        .partitionHandler(new RemotePartitionHandler(
                                partitionRequests, jobRepository, RemoteRole.AGGREGATE_PARTITION, remote))
                        .build());
    }
}
