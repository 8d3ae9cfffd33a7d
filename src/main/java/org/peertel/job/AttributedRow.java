package org.peertel.job;

import org.peertel.attribution.Attribution;
import org.peertel.ingest.LatencyRow;

/** A row read from a latency file with where it went; {@code attribution} is null for a rejected row. */
public record AttributedRow(LatencyRow row, Attribution attribution) {
}
