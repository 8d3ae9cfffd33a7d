package org.peertel.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.peertel.config.IngestSettings;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDay;
import org.peertel.ingest.SkippedFile;
import org.peertel.store.DayConnection;
import org.peertel.store.DaySpool;
import org.peertel.store.SpoolFileWriter;
import org.peertel.testhook.CrashPoint;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * attributeStep: reads every latency file of the day, matches each row and writes it to the day's spool, with one
 * worker thread per core taking the files one at a time (a file is read by one thread from start to end, so line
 * numbers and per-file counts need no coordination). The step starts by clearing whatever an interrupted attempt
 * spooled, so a restart reads the day from its first row; it ends by completing the spool (dictionary, input files with
 * the SHA-256 each worker computed while reading the file, files skipped as bad, marker), which publishStep loads into
 * DuckDB in one transaction. A bad input file fails the step (and the day) unless the ingest settings skip bad files:
 * then whatever was spooled of it is discarded ({@link DaySpool#discardFile}) and it is listed as skipped. The ingest
 * settings are those of the running process, not job parameters, so that restarting a failed day with
 * {@code --skip-bad-files} does skip.
 *
 * <p>Why a tasklet and not a chunk-oriented step: a chunk step hands every row through reader, processor and
 * writer as objects, one thread at a time; that machinery alone cost more than the parsing (BENCHMARKS.md).
 * Spring Batch still owns the step: its status, restart and stop ({@link #stop}: the workers stop within
 * {@code chunk-size} rows and the step is recorded STOPPED).
 */
public final class AttributeDayTasklet implements StoppableTasklet {

    private static final long PROGRESS_TICK_MILLIS = 200;

    private final CurrentDay current;
    private final ProgressListener progress;
    private final int checkEvery;
    private final int threads;
    private final IngestSettings ingest;
    private volatile AttributionCounters counters;

    public AttributeDayTasklet(
            CurrentDay current, ProgressListener progress, int checkEvery, int threads, IngestSettings ingest) {
        this.current = current;
        this.progress = progress;
        this.checkEvery = checkEvery;
        this.threads = threads;
        this.ingest = ingest;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        DayRun run = current.get();
        AttributionCounters count = new AttributionCounters();
        counters = count;
        DaySpool spool = run.spool();
        spool.clear();
        LatencyDay latency =
                LatencyDay.of(run.parameters().dayFolder(), run.day(), ingest.limits(), ingest.skipBadFiles());
        FileAttribution attribution = new FileAttribution(latency, run.matcher(), count, checkEvery);
        List<LatencyDay.FileResult> results = attributeAll(
                latency.files().size(), run.matcher().connectionIds().size(), spool, attribution, count);
        List<InputFile> files = new ArrayList<>(results.size());
        List<SkippedFile> skipped = new ArrayList<>();
        for (LatencyDay.FileResult result : results) {
            files.add(result.file());
            if (result.skipped() != null) {
                skipped.add(result.skipped());
            }
        }
        spool.complete(dictionary(latency, run), dayConnections(run), files, skipped);
        return RepeatStatus.FINISHED;
    }

    /**
     * The spool's dictionary: file numbers are positions in name order, prefix and connection numbers those of the
     * matcher ({@link org.peertel.attribution.Attribution}), so no worker looks text up per row.
     */
    private static Map<String, List<String>> dictionary(LatencyDay latency, DayRun run) {
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", latency.fileNames());
        dictionary.put("connection", run.matcher().connectionIds());
        dictionary.put("prefix", run.matcher().prefixes());
        return dictionary;
    }

    /** The registry's connections as the day keeps them: who owned each, its name and location. */
    private static List<DayConnection> dayConnections(DayRun run) {
        return run.registry().connections().stream().map(DayConnection::of).toList();
    }

    private List<LatencyDay.FileResult> attributeAll(
            int fileCount, int connectionCount, DaySpool spool, FileAttribution attribution, AttributionCounters count)
            throws Exception {
        int workers = Math.max(1, Math.min(threads, fileCount));
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "peertel-attribute");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean firstDone = new AtomicBoolean();
        try {
            List<Future<LatencyDay.FileResult>> results = new ArrayList<>(fileCount);
            for (int i = 0; i < fileCount; i++) {
                int fileNo = i;
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
            progress.tick(count.filesDone(), fileCount, count.rows());
            if (count.stopRequested()) {
                throw new JobInterruptedException("attributeStep stopped on request");
            }
            return files;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for one file, ticking the progress line meanwhile; a worker's failure fails the step. */
    private LatencyDay.FileResult await(Future<LatencyDay.FileResult> result, int fileCount, AttributionCounters count)
            throws Exception {
        while (true) {
            try {
                return result.get(PROGRESS_TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                progress.tick(count.filesDone(), fileCount, count.rows());
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

    /** Called by JobOperator.stop from another thread: the workers stop within {@code chunk-size} rows. */
    @Override
    public void stop(StepExecution stepExecution) {
        stop();
    }

    @Override
    public void stop() {
        AttributionCounters count = counters;
        if (count != null) {
            count.requestStop();
        }
    }
}
