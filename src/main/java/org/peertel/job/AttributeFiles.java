package org.peertel.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.peertel.ingest.LatencyDay;
import org.peertel.store.DaySpool;
import org.peertel.store.SpoolFileWriter;
import org.peertel.testhook.CrashPoint;
import org.springframework.batch.core.job.JobInterruptedException;

/**
 * Some of a day's input files read, matched and written to a spool, with one worker thread per core taking the files
 * one at a time (a file is read by one thread from start to end, so line numbers and per-file counts need no
 * coordination). attributeStep runs it on every file of the day; a remote worker on the files of its partition
 * ({@link AttributePartitionTasklet}). A file left out as bad has whatever was spooled of it discarded.
 */
final class AttributeFiles {

    /** Told how far the files are, every {@value #TICK_MILLIS} ms and at the end, from the coordinating thread. */
    interface Ticks {
        void tick(int filesDone, int fileCount, long rows);
    }

    private static final long TICK_MILLIS = 200;

    private final int threads;
    private final Ticks ticks;

    AttributeFiles(int threads, Ticks ticks) {
        this.threads = threads;
        this.ticks = ticks;
    }

    /**
     * Attributes the input files numbered {@code fileNos} into {@code spool}; the results are in the order of
     * {@code fileNos}.
     *
     * @throws JobInterruptedException when {@code count} was asked to stop
     */
    List<LatencyDay.FileResult> run(
            List<Integer> fileNos,
            int connectionCount,
            DaySpool spool,
            FileAttribution attribution,
            AttributionCounters count)
            throws Exception {
        int fileCount = fileNos.size();
        int workers = Math.max(1, Math.min(threads, fileCount));
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "peertel-attribute");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean firstDone = new AtomicBoolean();
        try {
            List<Future<LatencyDay.FileResult>> results = new ArrayList<>(fileCount);
            for (int fileNo : fileNos) {
                results.add(pool.submit(() -> {
                    count.checkStop();
                    LatencyDay.FileResult file;
                    try (SpoolFileWriter out = spool.fileWriter(fileNo, connectionCount)) {
                        file = attribution.run(fileNo, out);
                    }
                    if (file.skipped() != null) {
                        spool.discardFile(fileNo); // none of its rows count, not even those read before the problem
                    }
                    count.fileDone();
                    if (firstDone.compareAndSet(false, true)) {
                        CrashPoint.ATTRIBUTE_CHUNK_WRITTEN.reach();
                    }
                    return file;
                }));
            }
            List<LatencyDay.FileResult> files = new ArrayList<>(fileCount);
            for (Future<LatencyDay.FileResult> result : results) {
                files.add(await(result, fileCount, count));
            }
            ticks.tick(count.filesDone(), fileCount, count.rows());
            if (count.stopRequested()) {
                throw new JobInterruptedException("attributeStep stopped on request");
            }
            return files;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for one file, ticking meanwhile; a worker thread's failure is thrown here. */
    private LatencyDay.FileResult await(Future<LatencyDay.FileResult> result, int fileCount, AttributionCounters count)
            throws Exception {
        while (true) {
            try {
                return result.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                ticks.tick(count.filesDone(), fileCount, count.rows());
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof FileAttribution.StopRequested) {
                    throw new JobInterruptedException("attributeStep stopped on request");
                }
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw failed;
            }
        }
    }
}
