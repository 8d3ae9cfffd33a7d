package org.peertel.store;

import java.io.IOException;

import org.peertel.ingest.FastMeasurements;

/**
 * Writes the rows of one input file into the day's spool (see {@link DaySpool}): attributed measurements,
 * unattributed ones with why, and rejected records. Used by one thread; close it when the file is done.
 * Numbers ({@code fileNo}, {@code connectionNo}, {@code prefixNo}) refer to the spool's dictionary.
 */
public final class SpoolFileWriter implements AutoCloseable {

    private final String fileName;
    private final SpoolCsvOut measurements;
    private final SpoolCsvOut unattributed;
    private final SpoolCsvOut rejects;

    SpoolFileWriter(DaySpool spool, int fileNo) {
        this.fileName = "input file " + fileNo + " of " + spool.folder();
        try {
            measurements = spool.open(spoolFileName(fileNo, DaySpool.Kind.MEASUREMENTS));
            unattributed = spool.open(spoolFileName(fileNo, DaySpool.Kind.UNATTRIBUTED));
            rejects = spool.open(spoolFileName(fileNo, DaySpool.Kind.REJECTS));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The name of the spool file of one kind for input file number {@code fileNo}. */
    static String spoolFileName(int fileNo, DaySpool.Kind kind) {
        return String.format("%06d-", fileNo) + kind.suffix + ".csv";
    }

    /**
     * One valid measurement.
     *
     * @param epochMicros  its time, microseconds since the epoch (UTC)
     * @param rttMicros    the round-trip time in millionths of a millisecond
     * @param connectionNo the owning connection, or -1 when {@code reason} says why there is none
     * @param prefixNo     the longest matching prefix, or -1 for no_prefix
     * @param reason       null for an attributed measurement, else no_prefix or location_mismatch
     */
    public void measurement(int fileNo, long line, long epochMicros, String clientIp, String country, String state,
                            String edgePop, long rttMicros, int connectionNo, int prefixNo, String reason) {
        try {
            SpoolCsvOut out = reason == null ? measurements : unattributed;
            out.number(fileNo).number(line).number(epochMicros).plain(clientIp).plain(country).plain(state)
                    .quoted(edgePop).micros(rttMicros);
            endMeasurement(out, connectionNo, prefixNo, reason);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Rows [from, to) of the valid measurements taken by the reader's fast lane, their text copied from the
     * reader's buffer: the same bytes as {@link #measurement(int, long, long, String, String, String, String, long,
     * int, int, String)} writes for the same rows. One call for many rows keeps the per-row code in one compiled
     * loop here (the JIT compiles it once, not again inlined into every caller).
     *
     * @param connectionNos by row, as for {@link #measurement(int, long, long, String, String, String, String, long,
     *                      int, int, String)}
     * @param prefixNos     by row
     * @param reasons       by row: null for an attributed measurement
     */
    public void measurements(int fileNo, FastMeasurements rows, int from, int to, int[] connectionNos,
                             int[] prefixNos, String[] reasons) {
        try {
            byte[] text = rows.bytes();
            for (int i = from; i < to; i++) {
                SpoolCsvOut out = reasons[i] == null ? measurements : unattributed;
                out.number(fileNo).number(rows.line(i)).number(rows.epochMicros(i))
                        .plainAscii(text, rows.clientIpFrom(i), rows.clientIpTo(i))
                        .plain(rows.country(i)).plain(rows.state(i))
                        .quotedAscii(text, rows.edgePopFrom(i), rows.edgePopTo(i)).micros(rows.rttMicros(i));
                endMeasurement(out, connectionNos[i], prefixNos[i], reasons[i]);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static void endMeasurement(SpoolCsvOut out, int connectionNo, int prefixNo, String reason)
            throws IOException {
        if (reason == null) {
            out.number(connectionNo).number(prefixNo);
        } else {
            out.plain(reason);
            if (prefixNo < 0) {
                out.nullValue();
            } else {
                out.number(prefixNo);
            }
        }
        out.endRow();
    }

    /** One rejected record with its reason code and its original text. */
    public void rejected(int fileNo, long line, String reason, String raw) {
        try {
            rejects.number(fileNo).number(line).plain(reason).quoted(raw).endRow();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        try (measurements; unattributed; rejects) {
            // closing flushes each buffer
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private StoreException failure(IOException e) {
        return new StoreException("unable to write the spool of " + fileName + ": " + e.getMessage(), e);
    }
}
