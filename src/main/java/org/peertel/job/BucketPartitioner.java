package org.peertel.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peertel.store.DaySpool;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the day's connections into the partitions of the remote aggregateStep: {@code gridSize} (the setting
 * {@code workers.buckets}) runs of neighbouring connection numbers, fewer for a small registry
 * ({@link DaySpool#aggregatePartitionsFor}) or a small day (a bucket holds at least {@code minBytes} of spooled
 * measurements, {@code workers.bucket-min-bytes}: a bucket costs some tenths of a second to hand out whatever its size). Every row of a connection is in one bucket, so each worker's quantiles
 * are exact. Records the count in the spool, for the publish to load every partition's aggregates.
 */
public final class BucketPartitioner implements Partitioner {

    static final String PARTITION = "partition";
    static final String PARTITIONS = "partitions";

    private final CurrentDay current;
    private final long minBytes;

    public BucketPartitioner(CurrentDay current, long minBytes) {
        this.current = current;
        this.minBytes = minBytes;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        DayRun run = current.get();
        long bySize = Math.max(1, run.spool().measurementBytes() / minBytes);
        int partitions =
                DaySpool.aggregatePartitionsFor(run.matcher().connectionIds().size(), (int) Math.min(gridSize, bySize));
        run.spool().expectAggregatePartitions(partitions);
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, p);
            context.putInt(PARTITIONS, partitions);
            contexts.put(String.format("bucket-%03d", p), context);
        }
        return contexts;
    }
}
