package org.peertel.job;

import org.peertel.attribution.Attribution;
import org.peertel.attribution.ConnectionMatcher;
import org.peertel.ingest.BadInputFileException;
import org.peertel.ingest.LatencyDay;
import org.peertel.ingest.LatencyFileReader;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.MeasurementBatch;
import org.peertel.ingest.RejectedRow;
import org.peertel.store.SpoolFileWriter;

/**
 * One input file through attributeStep, on one worker thread: read each row, match its client address, write it
 * to the day's spool. Every {@code checkEvery} rows it adds to the shared row count and looks for a stop request.
 * The file is read as {@link LatencyDay#read} reads it: a bad file ({@link BadInputFileException}) fails the step,
 * unless bad files are skipped: then the result says so, and the caller discards what was spooled of it.
 */
final class FileAttribution {

    /** Thrown on a worker when the step was asked to stop; the tasklet turns it into a STOPPED step. */
    static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested", null, false, false);
        }
    }

    private final LatencyDay latency;
    private final ConnectionMatcher matcher;
    private final AttributionCounters counters;
    private final int checkEvery;

    FileAttribution(LatencyDay latency, ConnectionMatcher matcher, AttributionCounters counters, int checkEvery) {
        this.latency = latency;
        this.matcher = matcher;
        this.counters = counters;
        this.checkEvery = checkEvery;
    }

    /**
     * Reads, matches and spools every row of the day's input file number {@code fileNo}.
     *
     * @throws BadInputFileException for a bad file, unless bad files are skipped
     */
    LatencyDay.FileResult run(int fileNo, SpoolFileWriter out) {
        return latency.read(fileNo, reader -> read(reader, fileNo, out));
    }

    private void read(LatencyFileReader reader, int fileNo, SpoolFileWriter out) {
        Stretch stretch = new Stretch();
        long sinceCheck = 0;
        for (LatencyFileReader.Found found = reader.advance();
                found != LatencyFileReader.Found.END;
                found = reader.advance()) {
            if (found == LatencyFileReader.Found.MEASUREMENT_BATCH) {
                MeasurementBatch rows = reader.measurementBatch();
                stretch.match(matcher, rows);
                for (int from = 0; from < rows.size(); ) {
                    int to = (int) Math.min(rows.size(), from + checkEvery - sinceCheck);
                    out.measurements(fileNo, rows, from, to, stretch.connectionNos, stretch.prefixNos, stretch.reasons);
                    sinceCheck = rowsDone(sinceCheck, to - from);
                    from = to;
                }
            } else {
                if (reader.row() instanceof Measurement m) {
                    spool(out, fileNo, m, matcher.match(m.clientIp(), m.country(), m.state()));
                } else {
                    RejectedRow rejected = (RejectedRow) reader.row();
                    out.rejected(fileNo, rejected.line(), rejected.reason().code(), rejected.raw());
                }
                sinceCheck = rowsDone(sinceCheck, 1);
            }
        }
        counters.addRows(sinceCheck);
    }

    /** The matches of one stretch of fast-lane rows, by row. */
    private static final class Stretch {
        final long[] matches = new long[MeasurementBatch.CAPACITY];
        final int[] connectionNos = new int[MeasurementBatch.CAPACITY];
        final int[] prefixNos = new int[MeasurementBatch.CAPACITY];
        final String[] reasons = new String[MeasurementBatch.CAPACITY];

        void match(ConnectionMatcher matcher, MeasurementBatch rows) {
            // all lookups first, one after the other, so that their cache misses overlap
            for (int i = 0; i < rows.size(); i++) {
                matches[i] =
                        matcher.matchNumbers(rows.clientHigh(i), rows.clientLow(i), rows.country(i), rows.state(i));
            }
            for (int i = 0; i < rows.size(); i++) {
                prefixNos[i] = ConnectionMatcher.prefixNo(matches[i]);
                connectionNos[i] = ConnectionMatcher.connectionNo(matches[i]);
                reasons[i] = prefixNos[i] < 0
                        ? Attribution.Outcome.NO_PREFIX.code()
                        : connectionNos[i] < 0 ? Attribution.Outcome.LOCATION_MISMATCH.code() : null;
            }
        }
    }

    /**
     * Counts rows (never past the next check): every {@code checkEvery} rows adds them to the shared count and
     * looks for a stop request.
     *
     * @return the rows counted since the last check
     */
    private long rowsDone(long sinceCheck, int rows) {
        sinceCheck += rows;
        if (sinceCheck < checkEvery) {
            return sinceCheck;
        }
        counters.addRows(sinceCheck);
        counters.checkStop();
        return 0;
    }

    private void spool(SpoolFileWriter out, int fileNo, Measurement m, Attribution a) {
        out.measurement(
                fileNo,
                m.line(),
                m.epochMicros(),
                m.clientIp().toString(),
                m.country(),
                m.state(),
                m.edgePop(),
                m.rttMicros(),
                a.connectionNo(),
                a.prefixNo(),
                reason(a));
    }

    /** The spool's reason: null for an attributed measurement, else why it is not. */
    private static String reason(Attribution a) {
        return a.outcome() == Attribution.Outcome.ATTRIBUTED
                ? null
                : a.outcome().code();
    }
}
