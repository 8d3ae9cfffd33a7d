package org.peertel.job;

import java.time.LocalDate;

import org.peertel.CrashPoints;
import org.peertel.attribution.Attribution;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectedRow;
import org.peertel.store.StagingWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Appends each chunk to the day's staging tables: attributed, unattributed (with why) and rejected rows, and,
 * once the reader has read everything, the per-file summary and the day's staging marker. One staging writer
 * (one DuckDB transaction per chunk) serves the whole step.
 *
 * <p>The summary and the marker are committed in {@link #update}, which the chunk-oriented step calls inside the
 * chunk transaction of the job repository, after the chunk's items (also after the last, empty chunk) and before
 * the step can be recorded COMPLETED. Not in {@link #close}: Spring Batch closes streams after it has recorded
 * the step COMPLETED, so a process killed in between would leave a completed step with an incomplete staging
 * area. A process killed before the step is recorded COMPLETED restarts the step, which clears staging first.
 */
public final class StagingItemWriter implements ItemStreamWriter<AttributedRow> {

    private final CurrentDay current;
    private final LatencyItemReader reader;
    private LocalDate day;
    private StagingWriter staging;
    private boolean marked;

    public StagingItemWriter(CurrentDay current, LatencyItemReader reader) {
        this.current = current;
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        DayRun run = current.get();
        day = run.day();
        staging = run.store().stagingWriter();
        marked = false;
    }

    @Override
    public void write(Chunk<? extends AttributedRow> chunk) {
        for (AttributedRow item : chunk) {
            if (item.row() instanceof RejectedRow rejected) {
                staging.rejected(day, rejected);
            } else {
                Measurement m = (Measurement) item.row();
                Attribution a = item.attribution();
                String prefix = a.prefix();
                if (a.outcome() == Attribution.Outcome.ATTRIBUTED) {
                    staging.attributed(day, m, a.connection().connectionId(), prefix);
                } else {
                    staging.unattributed(day, m, a.outcome().code(), prefix);
                }
            }
        }
        staging.flush();
        CrashPoints.reach("attribute-chunk-written");
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (staging != null && !marked && reader.filesRead() != null) {
            for (var file : reader.filesRead()) {
                var entry = reader.manifest().find(file.name());
                staging.inputFile(day, file, entry == null ? "" : entry.sha256());
            }
            staging.markDayStaged(day);
            marked = true;
        }
    }

    @Override
    public void close() {
        if (staging != null) {
            staging.close();
            staging = null;
        }
    }
}
