package org.peertel.remote;

import jakarta.jms.ConnectionFactory;
import org.peertel.config.JobSettings;
import org.peertel.job.AggregatePartitionTasklet;
import org.peertel.job.AttributePartitionTasklet;
import org.peertel.job.RegistryCache;
import org.peertel.job.ScratchStores;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.support.JmsHeaders;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A remote worker ({@code peertel worker}): takes partition requests from the broker's queue, as many at once as
 * {@link RemoteSettings#partitionsAtOnce()} says, one per consumer thread, each in a transacted session (acknowledged only once the partition ended, so a worker killed meanwhile leaves it to another),
 * and runs them as the worker steps {@value RemoteRole#ATTRIBUTE_PARTITION} and {@value RemoteRole#AGGREGATE_PARTITION}
 * (bean names are step names: Spring Batch's step locator finds them so).
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
@ConditionalOnProperty(name = RemoteRole.PROPERTY, havingValue = "worker")
public class RemoteWorkerConfiguration {

    @Bean(name = RemoteRole.ATTRIBUTE_PARTITION)
    public Step attributePartition(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            JobSettings settings,
            RemoteSettings remote) {
        // the cores shared by the partitions running at once: one thread per file of a partition, up to its share
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / remote.partitionsAtOnce());
        return new StepBuilder(RemoteRole.ATTRIBUTE_PARTITION, jobRepository)
                .tasklet(
                        new AttributePartitionTasklet(
                                new RegistryCache(), jobRepository, settings.chunkSize(), threads),
                        transactionManager)
                .build();
    }

    /** Closed (the scratch databases removed) when the worker stops. */
    @Bean
    public ScratchStores scratchStores(JobSettings settings) {
        return new ScratchStores(settings.duckDb());
    }

    @Bean(name = RemoteRole.AGGREGATE_PARTITION)
    public Step aggregatePartition(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, ScratchStores scratchStores) {
        return new StepBuilder(RemoteRole.AGGREGATE_PARTITION, jobRepository)
                .tasklet(new AggregatePartitionTasklet(scratchStores), transactionManager)
                .build();
    }

    @Bean
    public PartitionRequestHandler partitionRequestHandler(JobRepository jobRepository, BeanFactory beans) {
        StepExecutionRequestHandler runner = new StepExecutionRequestHandler();
        runner.setJobRepository(jobRepository);
        BeanFactoryStepLocator locator = new BeanFactoryStepLocator();
        locator.setBeanFactory(beans);
        runner.setStepLocator(locator);
        return new PartitionRequestHandler(jobRepository, runner, System.out);
    }

    /**
     * The consumers of the queue, one per partition run at once, each in a transacted session. Declared here rather
     * than through the DSL's container spec, whose concurrency settings did not reach the container (one consumer ran).
     */
    @Bean
    public DefaultMessageListenerContainer partitionRequestConsumers(
            ConnectionFactory partitionBroker, RemoteSettings remote) {
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(partitionBroker);
        container.setDestinationName(PartitionRequests.QUEUE);
        container.setSessionTransacted(true);
        container.setConcurrentConsumers(remote.partitionsAtOnce());
        container.setMaxConcurrentConsumers(remote.partitionsAtOnce());
        return container;
    }

    /** No error channel: a handler's exception reaches the container, which rolls the session back. */
    @Bean
    public IntegrationFlow partitionRequestsFromBroker(
            DefaultMessageListenerContainer partitionRequestConsumers,
            PartitionRequestHandler partitionRequestHandler) {
        return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(partitionRequestConsumers))
                .handle(String.class, (text, headers) -> {
                    partitionRequestHandler.handle(text, Boolean.TRUE.equals(headers.get(JmsHeaders.REDELIVERED)));
                    return null;
                })
                .get();
    }
}
