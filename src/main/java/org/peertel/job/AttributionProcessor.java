package org.peertel.job;

import org.peertel.ingest.LatencyRow;
import org.peertel.ingest.Measurement;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Attributes each valid measurement to a connection; rejected rows pass through untouched. */
public final class AttributionProcessor implements ItemProcessor<LatencyRow, AttributedRow> {

    private final CurrentDay current;

    public AttributionProcessor(CurrentDay current) {
        this.current = current;
    }

    @Override
    public AttributedRow process(LatencyRow row) {
        if (row instanceof Measurement m) {
            return new AttributedRow(row, current.get().matcher().match(m.clientIp(), m.country(), m.state()));
        }
        return new AttributedRow(row, null);
    }
}
