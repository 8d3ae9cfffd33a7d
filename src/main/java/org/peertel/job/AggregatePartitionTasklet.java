package org.peertel.job;

import org.peertel.store.TelemetryStore;
import org.peertel.testhook.CrashPoint;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A remote worker's part of aggregateStep: the rows of one bucket of connections ({@link BucketPartitioner}) loaded
 * from the shared spool into a scratch DuckDB of the worker ({@link ScratchStores}), aggregated with the publish's SQL
 * and written back to the spool as Parquet ({@link TelemetryStore#aggregatePartition}).
 */
public final class AggregatePartitionTasklet implements Tasklet {

    private final ScratchStores scratch;

    public AggregatePartitionTasklet(ScratchStores scratch) {
        this.scratch = scratch;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        TelemetryJobParameters parameters = TelemetryJobParameters.from(step.getJobParameters());
        int partition = step.getExecutionContext().getInt(BucketPartitioner.PARTITION);
        int partitions = step.getExecutionContext().getInt(BucketPartitioner.PARTITIONS);
        TelemetryStore store = scratch.borrow();
        try {
            store.aggregatePartition(parameters.date(), parameters.spool(), partition, partitions);
        } finally {
            scratch.giveBack(store);
        }
        CrashPoint.AGGREGATE_PARTITION_WRITTEN.reach();
        return RepeatStatus.FINISHED;
    }
}
