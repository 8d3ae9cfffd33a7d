package org.peertel.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

/**
 * The rows into measurement_rows as Arrow record batches through the C data interface: an {@link ArrowReader}
 * exported as an {@link ArrowArrayStream} ({@link Data#exportArrayStream}), registered with duckdb_jdbc's
 * {@link DuckDBConnection#registerArrowStream} (a temporary view over DuckDB's {@code arrow_scan}), then
 * {@code INSERT INTO measurement_rows SELECT ... FROM} that view in one transaction.
 *
 * <p>DuckDB pulls the stream's batches one at a time under a lock (the Java callback runs on a DuckDB worker
 * thread) and converts them to its vectors on all its threads. With {@code producers} > 0 that many Java threads
 * fill batches ahead into a small queue, so the callback only hands over a filled batch; with 0 the callback fills
 * each batch itself while the other DuckDB threads wait for theirs.
 */
final class ArrowHandOver {

    static final int BATCH_ROWS = 1 << 16;
    private static final int QUEUED_BATCHES = 4;
    private static final String VIEW = "handover_rows";

    private ArrowHandOver() {}

    static void load(Connection store, HandOverRows rows, int producers) throws Exception {
        ExecutorService pool = producers > 0 ? Executors.newFixedThreadPool(producers) : null;
        try (BufferAllocator allocator = new RootAllocator()) {
            try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
                ArrowReader reader = producers > 0
                        ? new QueuedBatches(allocator, rows, producers, pool)
                        : new FilledOnDemand(allocator, rows);
                Data.exportArrayStream(allocator, reader, stream); // the stream owns the reader from here on
                ((DuckDBConnection) store).registerArrowStream(VIEW, stream);
                try {
                    HandOverTransaction.run(store, () -> {
                        try (PreparedStatement insert =
                                store.prepareStatement(MeasurementColumn.insertFrom(VIEW, "CAST(? AS DATE)"))) {
                            insert.setObject(1, HandOverRows.DAY);
                            insert.execute();
                        }
                    });
                } finally {
                    // the view points at this stream's memory, which is freed below
                    try (Statement drop = store.createStatement()) {
                        drop.execute("DROP VIEW IF EXISTS " + VIEW);
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** A reader of the rows' batches in {@link ArrowRowBatches#SCHEMA}, from memory. */
    private abstract static class RowReader extends ArrowReader {
        RowReader(BufferAllocator allocator) {
            super(allocator);
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {}

        @Override
        protected Schema readSchema() {
            return ArrowRowBatches.SCHEMA;
        }
    }

    /** Fills each batch when DuckDB asks for it, on DuckDB's thread. */
    private static final class FilledOnDemand extends RowReader {
        private final HandOverRows rows;
        private int next;

        FilledOnDemand(BufferAllocator allocator, HandOverRows rows) {
            super(allocator);
            this.rows = rows;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            prepareLoadNextBatch();
            if (next >= rows.size) {
                return false;
            }
            int to = Math.min(rows.size, next + BATCH_ROWS);
            ArrowRowBatches.fill(getVectorSchemaRoot(), rows, next, to);
            next = to;
            return true;
        }
    }

    /** Batches filled ahead by producer threads: producer p fills batches p, p + producers, ... */
    private static final class QueuedBatches extends RowReader {
        private static final ArrowRecordBatch END = new ArrowRecordBatch(0, List.of(), List.of());

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private final int producers;
        private int ended;

        QueuedBatches(BufferAllocator allocator, HandOverRows rows, int producers, ExecutorService pool) {
            super(allocator);
            this.producers = producers;
            int batches = (rows.size + BATCH_ROWS - 1) / BATCH_ROWS;
            for (int p = 0; p < producers; p++) {
                int first = p;
                pool.execute(() -> produce(allocator, rows, first, batches));
            }
        }

        /** Fills and queues this producer's batches, then END (or what went wrong). */
        private void produce(BufferAllocator allocator, HandOverRows rows, int first, int batches) {
            Object last = END;
            try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowRowBatches.SCHEMA, allocator)) {
                for (int b = first; b < batches; b += producers) {
                    int from = b * BATCH_ROWS;
                    ArrowRowBatches.fill(root, rows, from, Math.min(rows.size, from + BATCH_ROWS));
                    ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch(); // holds the buffers on
                    try {
                        queue.put(batch);
                    } catch (InterruptedException e) {
                        batch.close(); // the load was given up
                        return;
                    }
                }
            } catch (RuntimeException | Error e) {
                last = e;
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the load was given up
            }
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            prepareLoadNextBatch();
            while (ended < producers) {
                Object next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for a batch", e);
                }
                if (next == END) {
                    ended++;
                } else if (next instanceof Throwable failure) {
                    throw new IOException("a producer failed: " + failure, failure);
                } else {
                    loadRecordBatch((ArrowRecordBatch) next); // takes the buffers over, closes the batch
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void closeReadSource() {
            for (Object left; (left = queue.poll()) != null; ) {
                if (left instanceof ArrowRecordBatch batch && batch != END) {
                    batch.close();
                }
            }
        }
    }
}
