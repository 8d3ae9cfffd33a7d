package org.peertel.job;

import java.util.List;

import org.peertel.config.IngestSettings;
import org.peertel.ingest.DayManifest;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDayReader;
import org.peertel.ingest.LatencyRow;
import org.peertel.ingest.SkippedFile;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams every row of the day's latency files. It keeps no restart position on purpose: the staging tables are
 * cleared when the step starts (see {@link ClearStagingListener}), so a restarted step reads the day again from
 * its first row and nothing is counted twice.
 *
 * <p>A bad file ({@link org.peertel.ingest.BadInputFileException}) fails the step, and with it the day, unless the
 * ingest settings skip bad files: then it is listed in {@link #skippedFiles()} and {@link StagingItemWriter} drops
 * whatever rows of it were staged. The settings are those of the running process, not job parameters, so that a
 * restart of a failed day with {@code --skip-bad-files} does skip.
 */
public final class LatencyItemReader implements ItemStreamReader<LatencyRow> {

    private final CurrentDay current;
    private final IngestSettings ingest;
    private LatencyDayReader reader;
    private List<InputFile> files;
    private List<SkippedFile> skippedFiles;
    private DayManifest manifest;
    private int closedFilesDone;
    private int closedFileCount;
    private long closedRows;

    public LatencyItemReader(CurrentDay current, IngestSettings ingest) {
        this.current = current;
        this.ingest = ingest;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        DayRun run = current.get();
        manifest = DayManifest.of(run.parameters().dayFolder());
        reader = new LatencyDayReader(run.parameters().dayFolder(), run.day(), ingest.limits(), ingest.skipBadFiles());
        files = null;
        skippedFiles = null;
        closedFilesDone = 0;
        closedFileCount = 0;
        closedRows = 0;
    }

    @Override
    public LatencyRow read() {
        if (reader.hasNext()) {
            return reader.next();
        }
        files = reader.files();
        skippedFiles = reader.skippedFiles();
        return null;
    }

    /** The files left out as bad once every row was read (empty unless bad files are skipped); null before. */
    public List<SkippedFile> skippedFiles() {
        return skippedFiles;
    }

    /** The day's files with their row counts and sizes once every row was read; null before that. */
    public List<InputFile> filesRead() {
        return files;
    }

    /** Name, size and SHA-256 of the day's files, taken when the step opened the folder. */
    public DayManifest manifest() {
        return manifest;
    }

    /** Files read to their end so far (kept after the step closed the reader). */
    public int filesDone() {
        LatencyDayReader r = reader;
        return r == null ? closedFilesDone : r.filesDone();
    }

    /** The day's input files (kept after the step closed the reader). */
    public int fileCount() {
        LatencyDayReader r = reader;
        return r == null ? closedFileCount : r.fileCount();
    }

    /** Rows read so far (kept after the step closed the reader). */
    public long rowsSoFar() {
        LatencyDayReader r = reader;
        return r == null ? closedRows : r.rowsSoFar();
    }

    @Override
    public void close() {
        if (reader != null) {
            closedFilesDone = reader.filesDone();
            closedFileCount = reader.fileCount();
            closedRows = reader.rowsSoFar();
            reader.close();
            reader = null;
        }
    }
}
