package org.peertel.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import org.peertel.ingest.IngestLimits;
import org.peertel.ingest.LatencyDay;
import org.peertel.ingest.LatencyFileReader;
import org.peertel.ingest.Measurement;

/**
 * Benchmark baseline: reads and validates one day folder with the job's own reader as attributeStep uses it (the
 * fast lane's rows as numbers, the reference chain's as objects, the SHA-256 of each file), and does nothing else
 * (no matching, no DuckDB, no outputs). The distance between this and the whole job is what attribution,
 * storage, aggregation and reporting cost. Usage: {@code ReadOnlyPass DAY_FOLDER YYYY-MM-DD}.
 */
public final class ReadOnlyPass {

    private ReadOnlyPass() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        long rows = 0;
        long measurements = 0;
        LatencyDay latency = LatencyDay.of(Path.of(args[0]), LocalDate.parse(args[1]), IngestLimits.DEFAULTS, false);
        for (int fileNo = 0; fileNo < latency.files().size(); fileNo++) {
            long[] fileMeasurements = {0};
            rows += latency.read(fileNo, reader -> {
                        for (LatencyFileReader.Found found = reader.advance();
                                found != LatencyFileReader.Found.END;
                                found = reader.advance()) {
                            if (found == LatencyFileReader.Found.MEASUREMENT_BATCH) {
                                fileMeasurements[0] += reader.measurementBatch().size();
                            } else if (reader.row() instanceof Measurement) {
                                fileMeasurements[0]++;
                            }
                        }
                    })
                    .file()
                    .rows();
            measurements += fileMeasurements[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "rows=%d measurements=%d seconds=%.3f rows_per_s=%.0f%n", rows, measurements, seconds, rows / seconds);
    }
}
