package org.peertel.job;

import java.util.List;

import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDayReader;
import org.peertel.ingest.LatencyRow;
import org.peertel.store.StagingWriter;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams every row of the day's latency files, and stages the per-file summary once the last file is read. It
 * keeps no restart position on purpose: the staging tables are cleared when the step starts (see
 * {@link ClearStagingListener}), so a restarted step reads the day again from its first row.
 */
public class LatencyItemReader implements ItemStreamReader<LatencyRow> {

    private final DayRun run;
    private LatencyDayReader reader;
    private List<InputFile> files = List.of();
    private boolean exhausted;

    public LatencyItemReader(DayRun run) {
        this.run = run;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        reader = new LatencyDayReader(run.parameters().dayFolder(), run.day());
        exhausted = false;
    }

    @Override
    public LatencyRow read() {
        if (reader.hasNext()) {
            return reader.next();
        }
        if (!exhausted) {
            exhausted = true;
            files = reader.files();
            try (StagingWriter staging = run.store().stagingWriter()) {
                files.forEach(file -> staging.inputFile(run.day(), file));
            }
        }
        return null;
    }

    /** The day's files with their row counts and sizes; complete once {@link #read()} returned null. */
    public List<InputFile> files() {
        return files;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
