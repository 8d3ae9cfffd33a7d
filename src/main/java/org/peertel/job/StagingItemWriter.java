package org.peertel.job;

import org.peertel.attribution.Attribution;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectedRow;
import org.peertel.store.StagingWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/** Appends each chunk to the day's staging tables: attributed, unattributed (with why) and rejected rows. */
public final class StagingItemWriter implements ItemStreamWriter<AttributedRow> {

    private final DayRun run;
    private StagingWriter staging;

    public StagingItemWriter(DayRun run) {
        this.run = run;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        staging = run.store().stagingWriter();
    }

    @Override
    public void write(Chunk<? extends AttributedRow> chunk) {
        for (AttributedRow item : chunk) {
            if (item.row() instanceof RejectedRow rejected) {
                staging.rejected(run.day(), rejected);
            } else {
                Measurement m = (Measurement) item.row();
                Attribution a = item.attribution();
                String prefix = a.prefix() == null ? null : a.prefix().toString();
                if (a.outcome() == Attribution.Outcome.ATTRIBUTED) {
                    staging.attributed(run.day(), m, a.connection().connectionId(), prefix);
                } else {
                    staging.unattributed(run.day(), m, a.outcome().code(), prefix);
                }
            }
        }
        staging.flush();
    }

    @Override
    public void close() {
        if (staging != null) {
            staging.close();
            staging = null;
        }
    }
}
