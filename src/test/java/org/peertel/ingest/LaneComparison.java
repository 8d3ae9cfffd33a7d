package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads latency files twice, with the fast lane and with the reference chain alone, and checks that both give the
 * same rows (every value of every measurement, line numbers included, and every reject's reason and raw text),
 * the same end of the file (the same bad-file reason and detail), the same row count and the same checksum.
 */
public final class LaneComparison {

    /** What one lane made of one file. */
    record FileRead(List<LatencyRow> rows, String failure, long rowCount, String sha256, long fastRows) {}

    private static final String END = "end";

    private LaneComparison() {}

    /**
     * Checks every input file of {@code dayFolder} under {@code limits}.
     *
     * @return how many rows the fast lane took, over all files
     */
    public static long assertSameOnBothLanes(Path dayFolder, LocalDate day, IngestLimits limits) {
        long fastRows = 0;
        for (Path file : LatencyDay.inputFiles(dayFolder)) {
            FileRead fast = read(file, day, limits, true);
            FileRead reference = read(file, day, limits, false);
            assertThat(reference.fastRows).isZero();
            String where = file + " with " + limits;
            assertThat(fast.failure).as("end of %s", where).isEqualTo(reference.failure);
            assertSameRows(fast.rows, reference.rows, !fast.failure.equals(END), where);
            assertThat(fast.rowCount).as("row count of %s", where).isEqualTo(fast.rows.size());
            assertThat(fast.sha256)
                    .as("checksum of %s", file)
                    .isEqualTo(reference.sha256)
                    .isEqualTo(manifestChecksum(dayFolder, file));
            fastRows += fast.fastRows;
        }
        return fastRows;
    }

    /** Every row of one file with one lane, and how the file ended. */
    static FileRead read(Path file, LocalDate day, IngestLimits limits, boolean fastLane) {
        List<LatencyRow> rows = new ArrayList<>();
        long fastRows = 0;
        String failure = END;
        try (LatencyFileReader reader = new LatencyFileReader(file, day, limits, fastLane)) {
            try {
                for (LatencyFileReader.Found found = reader.advance();
                        found != LatencyFileReader.Found.END;
                        found = reader.advance()) {
                    if (found == LatencyFileReader.Found.MEASUREMENT_BATCH) {
                        MeasurementBatch fast = reader.measurementBatch();
                        for (int i = 0; i < fast.size(); i++) {
                            rows.add(ReaderRows.measurement(file.getFileName().toString(), fast, i));
                        }
                        fastRows += fast.size();
                    } else {
                        rows.add(reader.row());
                    }
                }
            } catch (BadInputFileException bad) {
                failure = bad.reason() + " " + bad.detail();
            }
            return new FileRead(rows, failure, reader.rows(), reader.sha256(), fastRows);
        }
    }

    /**
     * The same rows in the same order. For a file refused mid-way only the rows both lanes gave must be the same:
     * how many complete lines come out before a read failure depends on how the bytes were read in chunks (the
     * size limit and invalid deflate data drop the bytes of the read that failed), and a refused file's rows
     * count nowhere (they are discarded, or the day fails).
     */
    private static void assertSameRows(
            List<LatencyRow> fast, List<LatencyRow> reference, boolean refused, String where) {
        int common = Math.min(fast.size(), reference.size());
        for (int i = 0; i < common; i++) {
            if (!fast.get(i).equals(reference.get(i))) {
                throw new AssertionError("row " + i + " of " + where + ": fast lane " + fast.get(i) + " but reference "
                        + reference.get(i));
            }
        }
        if (!refused && fast.size() != reference.size()) {
            throw new AssertionError(where + ": " + fast.size() + " rows on the fast lane but " + reference.size()
                    + " on the reference; first extra row "
                    + (fast.size() > common ? fast.get(common) : reference.get(common)));
        }
    }

    private static String manifestChecksum(Path dayFolder, Path file) {
        return DayManifest.of(dayFolder).find(file.getFileName().toString()).sha256();
    }
}
