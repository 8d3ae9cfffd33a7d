package org.peertel.store;

import java.io.IOException;
import java.util.List;
import org.peertel.geo.Locations;
import org.peertel.ingest.MeasurementBatch;

/**
 * Writes the rows of one input file into the day's spool (see {@link DaySpool}): attributed measurements (a binary
 * file, {@link MeasurementSpoolOut}), unattributed ones with why, and rejected records (CSV). Used by one thread;
 * close it when the file is done.
 * Numbers ({@code fileNo}, {@code connectionNo}, {@code prefixNo}) refer to the spool's dictionary.
 *
 * <p>An attributed row is written as numbers wherever its text can be rebuilt exactly (the measurement_rows
 * table stores them so, and the view measurements gives the text back): an IPv4 client as its 32-bit value (its
 * canonical text is the dotted quad), an IPv6 client as its canonical text; the country and the US state as
 * {@code (first letter - 'A') * 26 + (second letter - 'A')}, -1 for no state; the edge PoP as its number in this
 * file ({@link EdgePopNumbers}, written to the file's edge-pops spool file on close). Loading numbers instead of
 * text measured about twice as fast in DuckDB (then from CSV; the binary records hold the same numbers).
 */
public final class SpoolFileWriter implements AutoCloseable {

    private final String fileName;
    private final MeasurementSpoolOut measurements;
    private final SpoolCsvOut unattributed;
    private final SpoolCsvOut rejects;
    private final SpoolCsvOut edgePopNames;
    private final int fileNo;
    private final EdgePopNumbers edgePops = new EdgePopNumbers();

    /** @param connectionCount the connections of the registry the rows are matched with */
    SpoolFileWriter(DaySpool spool, int fileNo, int connectionCount) {
        this.fileName = "input file " + fileNo + " of " + spool.folder();
        this.fileNo = fileNo;
        SpoolCsvOut[] opened = new SpoolCsvOut[DaySpool.Kind.values().length];
        MeasurementSpoolOut binary = null;
        try {
            for (DaySpool.Kind kind : DaySpool.Kind.values()) {
                if (kind != DaySpool.Kind.MEASUREMENTS) {
                    opened[kind.ordinal()] = spool.open(spoolFileName(fileNo, kind));
                }
            }
            binary = spool.openMeasurements(spoolFileName(fileNo, DaySpool.Kind.MEASUREMENTS), connectionCount);
        } catch (IOException e) {
            for (SpoolCsvOut out : opened) {
                closeQuietly(out);
            }
            throw failure(e);
        }
        measurements = binary;
        unattributed = opened[DaySpool.Kind.UNATTRIBUTED.ordinal()];
        rejects = opened[DaySpool.Kind.REJECTS.ordinal()];
        edgePopNames = opened[DaySpool.Kind.EDGE_POPS.ordinal()];
    }

    private static void closeQuietly(SpoolCsvOut out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the failure to open the next one is the one worth reporting
            }
        }
    }

    /** The name of the spool file of one kind for input file number {@code fileNo}. */
    static String spoolFileName(int fileNo, DaySpool.Kind kind) {
        return String.format("%06d-", fileNo) + kind.fileSuffix();
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
    public void measurement(
            int fileNo,
            long line,
            long epochMicros,
            String clientIp,
            String country,
            String state,
            String edgePop,
            long rttMicros,
            int connectionNo,
            int prefixNo,
            String reason) {
        try {
            if (reason == null) {
                measurements.row(
                        fileNo,
                        line,
                        epochMicros,
                        letterCode(country),
                        stateCode(state),
                        edgePops.number(edgePop),
                        rttMicros,
                        connectionNo,
                        prefixNo);
                if (clientIp.indexOf(':') < 0) {
                    measurements.ipv4(ipv4Value(clientIp));
                } else {
                    measurements.ipv6(clientIp);
                }
            } else {
                unattributed
                        .number(fileNo)
                        .number(line)
                        .number(epochMicros)
                        .plain(clientIp)
                        .plain(country)
                        .plain(state)
                        .quoted(edgePop)
                        .micros(rttMicros);
                endUnattributed(unattributed, prefixNo, reason);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The 32-bit value of a canonical dotted-quad IPv4 text. */
    private static long ipv4Value(String text) {
        long value = 0;
        int part = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                value = value << 8 | part;
                part = 0;
            } else {
                part = part * 10 + (c - '0');
            }
        }
        return value << 8 | part;
    }

    /** The number a US state is stored as, -1 for none (outside the US). */
    private static int stateCode(String state) {
        return state.isEmpty() ? -1 : letterCode(state);
    }

    /** {@link Locations#letterCode} of a country or US state code the reader checked. */
    static int letterCode(String code) {
        int number = Locations.letterCode(code);
        if (number < 0) {
            throw new IllegalArgumentException("not a two-letter upper-case code: " + code);
        }
        return number;
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
    public void measurements(
            int fileNo,
            MeasurementBatch rows,
            int from,
            int to,
            int[] connectionNos,
            int[] prefixNos,
            String[] reasons) {
        try {
            byte[] text = rows.bytes();
            for (int i = from; i < to; i++) {
                if (reasons[i] == null) {
                    measurements.row(
                            fileNo,
                            rows.line(i),
                            rows.epochMicros(i),
                            letterCode(rows.country(i)),
                            stateCode(rows.state(i)),
                            edgePops.number(text, rows.edgePopFrom(i), rows.edgePopTo(i)),
                            rows.rttMicros(i),
                            connectionNos[i],
                            prefixNos[i]);
                    if (rows.isIpv4(i)) {
                        measurements.ipv4(rows.ipv4Value(i));
                    } else {
                        measurements.ipv6(text, rows.clientIpFrom(i), rows.clientIpTo(i));
                    }
                } else {
                    unattributed
                            .number(fileNo)
                            .number(rows.line(i))
                            .number(rows.epochMicros(i))
                            .plainAscii(text, rows.clientIpFrom(i), rows.clientIpTo(i))
                            .plain(rows.country(i))
                            .plain(rows.state(i))
                            .quotedAscii(text, rows.edgePopFrom(i), rows.edgePopTo(i))
                            .micros(rows.rttMicros(i));
                    endUnattributed(unattributed, prefixNos[i], reasons[i]);
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static void endUnattributed(SpoolCsvOut out, int prefixNo, String reason) throws IOException {
        out.plain(reason);
        if (prefixNo < 0) {
            out.nullValue();
        } else {
            out.number(prefixNo);
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
        try (measurements;
                unattributed;
                rejects;
                edgePopNames) {
            List<String> names = edgePops.names();
            for (int no = 0; no < names.size(); no++) {
                edgePopNames.number(fileNo).number(no).quoted(names.get(no)).endRow();
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private StoreException failure(IOException e) {
        return new StoreException("unable to write the spool of " + fileName + ": " + e.getMessage(), e);
    }
}
