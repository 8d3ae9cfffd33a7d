package org.peertel.job;

import java.util.List;

import org.peertel.ingest.DayManifest;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDayReader;
import org.peertel.ingest.LatencyRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams every row of the day's latency files. It keeps no restart position on purpose: the staging tables are
 * cleared when the step starts (see {@link ClearStagingListener}), so a restarted step reads the day again from
 * its first row and nothing is counted twice.
 */
public final class LatencyItemReader implements ItemStreamReader<LatencyRow> {

    private final CurrentDay current;
    private LatencyDayReader reader;
    private List<InputFile> files;
    private DayManifest manifest;
    private int closedFilesDone;
    private int closedFileCount;
    private long closedRows;

    public LatencyItemReader(CurrentDay current) {
        this.current = current;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        DayRun run = current.get();
        manifest = DayManifest.of(run.parameters().dayFolder());
        reader = new LatencyDayReader(run.parameters().dayFolder(), run.day());
        files = null;
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
        return null;
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
