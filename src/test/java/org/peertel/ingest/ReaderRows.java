package org.peertel.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.peertel.prefix.IpAddress;

/**
 * The rows of a {@link LatencyFileReader} as objects, for tests that compare them: each row the fast lane took
 * turned into the {@link Measurement} the reference parser gives for its line.
 */
final class ReaderRows {

    private ReaderRows() {}

    /** Row {@code i} of {@code batch}, read from the file named {@code file}, as the reference parser's object. */
    static Measurement measurement(String file, MeasurementBatch batch, int i) {
        return new Measurement(
                file,
                batch.line[i],
                Instant.ofEpochSecond(batch.epochSecond[i], batch.nanos[i]),
                new IpAddress(batch.clientHigh[i], batch.clientLow[i]),
                batch.country[i],
                batch.state[i],
                new String(
                        batch.bytes,
                        batch.edgePopFrom[i],
                        batch.edgePopTo[i] - batch.edgePopFrom[i],
                        StandardCharsets.US_ASCII),
                BigDecimal.valueOf(batch.rttUnscaled[i], batch.rttScale[i]));
    }

    /**
     * Reads the rest of the file named {@code file} into {@code rows}, in line order.
     *
     * @throws BadInputFileException when the file is refused, after the rows read before the problem
     */
    static void readAll(LatencyFileReader reader, String file, List<LatencyRow> rows) {
        for (LatencyFileReader.Found found = reader.advance();
                found != LatencyFileReader.Found.END;
                found = reader.advance()) {
            if (found == LatencyFileReader.Found.MEASUREMENT_BATCH) {
                MeasurementBatch batch = reader.measurementBatch();
                for (int i = 0; i < batch.size(); i++) {
                    rows.add(measurement(file, batch, i));
                }
            } else {
                rows.add(reader.row());
            }
        }
    }
}
