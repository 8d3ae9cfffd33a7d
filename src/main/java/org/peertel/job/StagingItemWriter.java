package org.peertel.job;

import java.time.LocalDate;

import org.peertel.attribution.Attribution;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectedRow;
import org.peertel.store.StagingWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Appends each chunk to the day's staging tables: attributed, unattributed (with why) and rejected rows, and,
 * once the reader has read everything, the per-file summary. One staging writer (one DuckDB transaction per
 * chunk) serves the whole step.
 */
public final class StagingItemWriter implements ItemStreamWriter<AttributedRow> {

    private final CurrentDay current;
    private final LatencyItemReader reader;
    private LocalDate day;
    private StagingWriter staging;

    public StagingItemWriter(CurrentDay current, LatencyItemReader reader) {
        this.current = current;
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        DayRun run = current.get();
        day = run.day();
        staging = run.store().stagingWriter();
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
    }

    @Override
    public void close() {
        if (staging != null) {
            if (reader.filesRead() != null) {
                for (var file : reader.filesRead()) {
                    var entry = reader.manifest().find(file.name());
                    staging.inputFile(day, file, entry == null ? "" : entry.sha256());
                }
            }
            staging.close();
            staging = null;
        }
    }
}
