package org.peertel.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.peertel.output.Millis;

/**
 * The statistics cells of a report row, {@code samples, median_ms, p95_ms, p99_ms, min_ms, max_ms, mean_ms}: written
 * from numbers (no formula guard needed), 3 decimals, the mean from the exact sum; with no sample, 0 and empty cells.
 */
final class StatisticCells {

    private StatisticCells() {}

    static List<String> of(
            long samples,
            BigDecimal minMs,
            BigDecimal maxMs,
            BigDecimal sumMs,
            double medianMs,
            double p95Ms,
            double p99Ms) {
        if (samples == 0) {
            return List.of("0", "", "", "", "", "", "");
        }
        BigDecimal mean = sumMs.divide(BigDecimal.valueOf(samples), 3, RoundingMode.HALF_UP);
        return List.of(
                Long.toString(samples),
                Millis.format(medianMs),
                Millis.format(p95Ms),
                Millis.format(p99Ms),
                Millis.format(minMs),
                Millis.format(maxMs),
                Millis.format(mean));
    }
}
