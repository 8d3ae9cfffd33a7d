package org.peertel.job;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.peertel.attribution.Attribution;
import org.peertel.attribution.ConnectionMatcher;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyFileReader;
import org.peertel.ingest.LatencyRow;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectedRow;
import org.peertel.store.SpoolFileWriter;

/**
 * One input file through attributeStep, on one worker thread: read each row, match its client address, write it
 * to the day's spool. Every {@code checkEvery} rows it adds to the shared row count and looks for a stop request.
 */
final class FileAttribution {

    /** Thrown on a worker when the step was asked to stop; the tasklet turns it into a STOPPED step. */
    static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested", null, false, false);
        }
    }

    private final LocalDate day;
    private final ConnectionMatcher matcher;
    private final SpoolDictionary dictionary;
    private final AttributionCounters counters;
    private final int checkEvery;

    FileAttribution(LocalDate day, ConnectionMatcher matcher, SpoolDictionary dictionary,
                    AttributionCounters counters, int checkEvery) {
        this.day = day;
        this.matcher = matcher;
        this.dictionary = dictionary;
        this.counters = counters;
        this.checkEvery = checkEvery;
    }

    /** Reads, matches and spools every row of {@code path}; returns its statistics. */
    InputFile run(Path path, long bytes, SpoolFileWriter out) {
        String name = path.getFileName().toString();
        int fileNo = dictionary.number(SpoolDictionary.FILE, name);
        long sinceCheck = 0;
        try (LatencyFileReader reader = new LatencyFileReader(path, day)) {
            for (LatencyRow row = reader.next(); row != null; row = reader.next()) {
                if (row instanceof Measurement m) {
                    spool(out, fileNo, m, matcher.match(m.clientIp(), m.country(), m.state()));
                } else {
                    RejectedRow rejected = (RejectedRow) row;
                    out.rejected(fileNo, rejected.line(), rejected.reason().code(), rejected.raw());
                }
                if (++sinceCheck == checkEvery) {
                    counters.addRows(sinceCheck);
                    sinceCheck = 0;
                    counters.checkStop();
                }
            }
            counters.addRows(sinceCheck);
            return new InputFile(name, reader.rows(), bytes);
        }
    }

    private void spool(SpoolFileWriter out, int fileNo, Measurement m, Attribution a) {
        Instant ts = m.timestamp();
        long epochMicros = Math.addExact(Math.multiplyExact(ts.getEpochSecond(), 1_000_000L), ts.getNano() / 1_000);
        long rttMicros = m.rttMs().setScale(6, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        int prefixNo = a.prefix() == null ? -1 : dictionary.number(SpoolDictionary.PREFIX, a.prefix());
        boolean attributed = a.outcome() == Attribution.Outcome.ATTRIBUTED;
        int connectionNo = attributed ? dictionary.number(SpoolDictionary.CONNECTION, a.connection().connectionId()) : -1;
        out.measurement(fileNo, m.line(), epochMicros, m.clientIp().toString(), m.country(), m.state(), m.edgePop(),
                rttMicros, connectionNo, prefixNo, attributed ? null : a.outcome().code());
    }
}
