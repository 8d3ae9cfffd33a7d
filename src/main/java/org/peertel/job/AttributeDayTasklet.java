package org.peertel.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.peertel.config.IngestSettings;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDay;
import org.peertel.ingest.SkippedFile;
import org.peertel.store.DayConnection;
import org.peertel.store.DaySpool;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * attributeStep: reads every latency file of the day, matches each row and writes it to the day's spool, with one
 * worker thread per core taking the files one at a time ({@link AttributeFiles}). The step starts by clearing whatever an interrupted attempt
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
        List<Integer> all = IntStream.range(0, latency.files().size()).boxed().toList();
        List<LatencyDay.FileResult> results = new AttributeFiles(threads, progress::tick)
                .run(all, run.matcher().connectionIds().size(), spool, attribution, count);
        complete(spool, latency.fileNames(), run, results);
        return RepeatStatus.FINISHED;
    }

    /**
     * Completes the spool of every input file of the day (their results in file-number order): the dictionary, the
     * registry's connections, the day's manifest and the files left out as bad.
     */
    static void complete(DaySpool spool, List<String> fileNames, DayRun run, List<LatencyDay.FileResult> results) {
        List<InputFile> files = new ArrayList<>(results.size());
        List<SkippedFile> skipped = new ArrayList<>();
        for (LatencyDay.FileResult result : results) {
            files.add(result.file());
            if (result.skipped() != null) {
                skipped.add(result.skipped());
            }
        }
        spool.complete(dictionary(fileNames, run), dayConnections(run), files, skipped);
    }

    /**
     * The spool's dictionary: file numbers are positions in name order, prefix and connection numbers those of the
     * matcher ({@link org.peertel.attribution.Attribution}), so no worker looks text up per row.
     */
    private static Map<String, List<String>> dictionary(List<String> fileNames, DayRun run) {
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", fileNames);
        dictionary.put("connection", run.matcher().connectionIds());
        dictionary.put("prefix", run.matcher().prefixes());
        return dictionary;
    }

    /** The registry's connections as the day keeps them: who owned each, its name and location. */
    private static List<DayConnection> dayConnections(DayRun run) {
        return run.registry().connections().stream().map(DayConnection::of).toList();
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
