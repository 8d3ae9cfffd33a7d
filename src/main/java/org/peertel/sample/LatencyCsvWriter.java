package org.peertel.sample;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.peertel.prefix.IpAddress;

/**
 * Streams one latency input file ({@code <day>/<edge_pop>.csv} or {@code .csv.gz}): header
 * {@value #HEADER}, UTF-8, LF line endings. Rows are encoded straight into a byte buffer (no per-row string
 * formatting), so millions of rows per day write at disk speed.
 *
 * <p>A {@code .gz} file is written by {@link GZIPOutputStream} at the fastest compression level; its header carries
 * modification time 0 and no file name, so equal rows give equal bytes.
 */
final class LatencyCsvWriter implements Closeable {

    static final String HEADER = "timestamp,client_ip,country,state,edge_pop,rtt_ms";

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int MAX_ROW_BYTES = 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final byte[] digits = new byte[20];
    private final byte[] datePrefix;
    private final byte[] edgePopField;
    private final boolean millisecondTimestamps;
    private int position;
    private long rowsWritten;

    private LatencyCsvWriter(OutputStream out, LocalDate day, String edgePop, boolean millisecondTimestamps) {
        this.out = out;
        this.datePrefix = ascii(day + "T");
        this.edgePopField = ascii("," + edgePop + ",");
        this.millisecondTimestamps = millisecondTimestamps;
    }

    /**
     * Creates (or replaces) {@code file}, gzip-compressed when its name ends with {@code .gz}, and writes the header.
     *
     * @param day                   the UTC day every {@link #writeRow} timestamp falls on
     * @param edgePop               the edge_pop value of every {@link #writeRow} row
     * @param millisecondTimestamps true for {@code 08:15:42.123Z}, false for {@code 08:15:42Z}
     */
    static LatencyCsvWriter open(Path file, LocalDate day, String edgePop, boolean millisecondTimestamps)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.getFileName().toString().endsWith(".gz")
                ? new FastGzipOutputStream(raw)
                : new BufferedOutputStream(raw, BUFFER_SIZE);
        LatencyCsvWriter writer = new LatencyCsvWriter(out, day, edgePop, millisecondTimestamps);
        writer.writeLine(HEADER);
        return writer;
    }

    /**
     * Appends one measurement.
     *
     * @param millisOfDay         time of day in milliseconds (0..86_399_999); whole seconds unless millisecond
     *                            timestamps were asked for
     * @param clientCountryState  the pre-encoded ASCII text {@code client_ip,country,state}
     * @param rttThousandths      the rtt in thousandths of a millisecond (written with exactly 3 decimals)
     */
    void writeRow(long millisOfDay, byte[] clientCountryState, long rttThousandths) throws IOException {
        ensureRoom(MAX_ROW_BYTES + clientCountryState.length);
        putTimestamp(millisOfDay);
        put(clientCountryState);
        putEdgePopAndRtt(rttThousandths);
    }

    /**
     * Appends one measurement whose client is given as a 128-bit address (IPv4 in its IPv4-mapped form, written as
     * a dotted quad without any allocation; IPv6 in RFC 5952 text).
     *
     * @param commaCountryState the pre-encoded ASCII text {@code ,country,state}
     */
    void writeRow(long millisOfDay, long clientHigh, long clientLow, byte[] commaCountryState, long rttThousandths)
            throws IOException {
        ensureRoom(MAX_ROW_BYTES + commaCountryState.length);
        putTimestamp(millisOfDay);
        if (clientHigh == 0 && clientLow >>> 32 == 0xFFFFL) {
            putIpv4((int) clientLow);
        } else {
            put(ascii(new IpAddress(clientHigh, clientLow).toString()));
        }
        put(commaCountryState);
        putEdgePopAndRtt(rttThousandths);
    }

    private void putTimestamp(long millisOfDay) {
        put(datePrefix);
        long seconds = millisOfDay / 1000;
        putTwoDigits(seconds / 3600);
        buffer[position++] = ':';
        putTwoDigits(seconds / 60 % 60);
        buffer[position++] = ':';
        putTwoDigits(seconds % 60);
        if (millisecondTimestamps) {
            long millis = millisOfDay % 1000;
            buffer[position++] = '.';
            buffer[position++] = (byte) ('0' + millis / 100);
            putTwoDigits(millis % 100);
        }
        buffer[position++] = 'Z';
        buffer[position++] = ',';
    }

    private void putEdgePopAndRtt(long rttThousandths) {
        put(edgePopField);
        putLong(rttThousandths / 1000);
        buffer[position++] = '.';
        long fraction = rttThousandths % 1000;
        buffer[position++] = (byte) ('0' + fraction / 100);
        putTwoDigits(fraction % 100);
        buffer[position++] = '\n';
        rowsWritten++;
    }

    private void putIpv4(int address) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            putLong((address >>> shift) & 0xFF);
            if (shift > 0) {
                buffer[position++] = '.';
            }
        }
    }

    /** Appends {@code line} as it is (UTF-8) plus LF: used for hand-made rows such as deliberately bad ones. */
    void writeLine(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        ensureRoom(bytes.length);
        if (bytes.length > buffer.length) {
            out.write(bytes);
        } else {
            put(bytes);
        }
    }

    /** Number of {@link #writeRow} calls so far. */
    long rowsWritten() {
        return rowsWritten;
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private void ensureRoom(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    private void put(byte[] bytes) {
        put(bytes, 0, bytes.length);
    }

    private void put(byte[] bytes, int from, int to) {
        System.arraycopy(bytes, from, buffer, position, to - from);
        position += to - from;
    }

    private void putTwoDigits(long value) {
        buffer[position++] = (byte) ('0' + value / 10);
        buffer[position++] = (byte) ('0' + value % 10);
    }

    private void putLong(long value) {
        int count = 0;
        do {
            digits[count++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (count > 0) {
            buffer[position++] = digits[--count];
        }
    }

    /** Gzip at {@link Deflater#BEST_SPEED}: about three times faster than the default level, a little larger. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {

        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER_SIZE);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
