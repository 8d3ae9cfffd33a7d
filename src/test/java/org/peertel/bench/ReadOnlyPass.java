package org.peertel.bench;

import java.nio.file.Path;
import java.time.LocalDate;

import org.peertel.ingest.LatencyDayReader;
import org.peertel.ingest.Measurement;

/**
 * Benchmark baseline: reads and validates one day folder with the job's own reader, and does nothing else
 * (no matching, no DuckDB, no outputs). The distance between this and the whole job is what attribution,
 * storage, aggregation and reporting cost. Usage: {@code ReadOnlyPass DAY_FOLDER YYYY-MM-DD}.
 */
public final class ReadOnlyPass {

    private ReadOnlyPass() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        long rows = 0;
        long measurements = 0;
        try (LatencyDayReader reader = new LatencyDayReader(Path.of(args[0]), LocalDate.parse(args[1]))) {
            while (reader.hasNext()) {
                rows++;
                if (reader.next() instanceof Measurement) {
                    measurements++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rows=%d measurements=%d seconds=%.3f rows_per_s=%.0f%n", rows, measurements, seconds,
                rows / seconds);
    }
}
