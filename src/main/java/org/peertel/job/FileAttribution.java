package org.peertel.job;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.peertel.attribution.Attribution;
import org.peertel.attribution.ConnectionMatcher;
import org.peertel.config.IngestSettings;
import org.peertel.ingest.BadInputFileException;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyFileReader;
import org.peertel.ingest.LatencyRow;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectedRow;
import org.peertel.ingest.SkippedFile;
import org.peertel.store.SpoolFileWriter;

/**
 * One input file through attributeStep, on one worker thread: read each row, match its client address, write it
 * to the day's spool. Every {@code checkEvery} rows it adds to the shared row count and looks for a stop request.
 * A bad file ({@link BadInputFileException}) fails the step, unless bad files are skipped: then the result says
 * so, and the caller discards what was spooled of it.
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
    private final AttributionCounters counters;
    private final int checkEvery;
    private final IngestSettings ingest;

    FileAttribution(LocalDate day, ConnectionMatcher matcher, AttributionCounters counters, int checkEvery,
                    IngestSettings ingest) {
        this.day = day;
        this.matcher = matcher;
        this.counters = counters;
        this.checkEvery = checkEvery;
        this.ingest = ingest;
    }

    /**
     * What became of one file: its statistics, and the problem it was skipped for (null when it was read).
     * A skipped file has 0 rows.
     */
    record Result(InputFile file, SkippedFile skipped) {
    }

    /**
     * Reads, matches and spools every row of {@code path}, the day's input file number {@code fileNo}.
     *
     * @throws BadInputFileException for a bad file, unless bad files are skipped
     */
    Result run(Path path, int fileNo, long bytes, SpoolFileWriter out) {
        String name = path.getFileName().toString();
        try {
            return new Result(read(path, name, fileNo, bytes, out), null);
        } catch (BadInputFileException bad) {
            if (!ingest.skipBadFiles()) {
                throw bad;
            }
            return new Result(new InputFile(name, 0, bytes), new SkippedFile(name, bad.reason(), bad.detail()));
        }
    }

    private InputFile read(Path path, String name, int fileNo, long bytes, SpoolFileWriter out) {
        long sinceCheck = 0;
        try (LatencyFileReader reader = new LatencyFileReader(path, day, ingest.limits())) {
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
        boolean attributed = a.outcome() == Attribution.Outcome.ATTRIBUTED;
        out.measurement(fileNo, m.line(), epochMicros, m.clientIp().toString(), m.country(), m.state(), m.edgePop(),
                rttMicros, a.connectionNo(), a.prefixNo(), attributed ? null : a.outcome().code());
    }
}
