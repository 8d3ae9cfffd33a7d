package org.peertel.job;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.peertel.config.IngestSettings;
import org.peertel.ingest.LatencyDay;
import org.peertel.store.DaySpool;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A remote worker's part of attributeStep: the input files of one partition ({@link FilePartitioner}) read, matched
 * and written to the day's shared spool as attributeStep writes them in one process, one thread per file up to its
 * share of the worker's cores (a worker runs several partitions at once). The
 * files are written into a staging folder of this run and moved into the spool when all are done, each file's
 * result (manifest entry, skipped or not) last: a partition run twice, its first worker killed, leaves whole files.
 * The manager completes the spool from the results ({@link CollectSpoolTasklet}).
 */
public final class AttributePartitionTasklet implements StoppableTasklet {

    private final RegistryCache registries;
    private final JobRepository jobRepository;
    private final int checkEvery;
    private final int threads;
    /** The counters of the partitions running now (a worker runs several at once), for a stop request. */
    private final Set<AttributionCounters> running = ConcurrentHashMap.newKeySet();

    public AttributePartitionTasklet(
            RegistryCache registries, JobRepository jobRepository, int checkEvery, int threads) {
        this.registries = registries;
        this.jobRepository = jobRepository;
        this.checkEvery = checkEvery;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        TelemetryJobParameters parameters = TelemetryJobParameters.from(step.getJobParameters());
        RegistryCache.Loaded registry = registries.get(parameters.connections());
        IngestSettings ingest = WorkerIngest.from(jobRepository
                .getLastStepExecution(step.getJobExecution().getJobInstance(), TelemetryJobConfiguration.ATTRIBUTE_STEP)
                .getExecutionContext());
        List<Integer> fileNos = FilePartitioner.files(step.getExecutionContext());
        AttributionCounters count = new AttributionCounters();
        running.add(count);
        try {
            return attribute(step, parameters, registry, ingest, fileNos, count);
        } finally {
            running.remove(count);
        }
    }

    private RepeatStatus attribute(
            StepExecution step,
            TelemetryJobParameters parameters,
            RegistryCache.Loaded registry,
            IngestSettings ingest,
            List<Integer> fileNos,
            AttributionCounters count)
            throws Exception {
        LatencyDay latency =
                LatencyDay.of(parameters.dayFolder(), parameters.date(), ingest.limits(), ingest.skipBadFiles());
        DaySpool spool = parameters.spool();
        DaySpool staging = spool.staging(step.getStepName().replace(':', '-') + "-" + UUID.randomUUID());
        FileAttribution attribution = new FileAttribution(latency, registry.matcher(), count, checkEvery);
        List<LatencyDay.FileResult> results = new AttributeFiles(threads, (done, all, rows) -> {})
                .run(fileNos, registry.matcher().connectionIds().size(), staging, attribution, count);
        for (int i = 0; i < fileNos.size(); i++) {
            staging.writeFileResult(fileNos.get(i), results.get(i));
        }
        spool.adopt(staging);
        return RepeatStatus.FINISHED;
    }

    @Override
    public void stop(StepExecution stepExecution) {
        stop();
    }

    @Override
    public void stop() {
        running.forEach(AttributionCounters::requestStop);
    }
}
