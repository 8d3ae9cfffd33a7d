package org.peertel.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.peertel.config.DuckDbSettings;
import org.peertel.store.TelemetryStore;
import org.peertel.testhook.CrashPoint;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A remote worker's part of aggregateStep: the rows of one bucket of connections ({@link BucketPartitioner}) loaded
 * from the shared spool into a DuckDB of its own (a temporary file, removed after), aggregated with the publish's
 * SQL and written back to the spool as Parquet ({@link TelemetryStore#aggregatePartition}).
 */
public final class AggregatePartitionTasklet implements Tasklet {

    private final DuckDbSettings duckDb;

    public AggregatePartitionTasklet(DuckDbSettings duckDb) {
        this.duckDb = duckDb;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        TelemetryJobParameters parameters = TelemetryJobParameters.from(step.getJobParameters());
        int partition = step.getExecutionContext().getInt(BucketPartitioner.PARTITION);
        int partitions = step.getExecutionContext().getInt(BucketPartitioner.PARTITIONS);
        Path scratch = Files.createTempDirectory("peertel-aggregate-");
        try {
            try (TelemetryStore store = TelemetryStore.open(scratch.resolve("bucket.duckdb"), duckDb)) {
                store.aggregatePartition(parameters.date(), parameters.spool(), partition, partitions);
            }
            CrashPoint.AGGREGATE_PARTITION_WRITTEN.reach();
        } finally {
            delete(scratch);
        }
        return RepeatStatus.FINISHED;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
