package org.peertel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one spool file of attributed measurements in the binary record format that
 * {@link MeasurementSpoolReader} reads: little-endian, one record per row, no header. A record is
 * <pre>
 *   int file_no, long line, long ts (µs since the epoch), short country_code, short state_code, int edge_pop_no,
 *   long rtt (unscaled, 6 decimals), int connection_no, int prefix_no,
 *   byte n: 0 → int client_ipv4 (its 32-bit value) follows; 1..45 → n ASCII bytes of the canonical IPv6 text follow
 * </pre>
 * so 49 bytes for an IPv4 row. Fixed-width numbers cost no digit conversion on either side; the record's layout is
 * the same whichever reader lane wrote it, so spools still compare byte for byte. Synced to disk on close, like
 * the CSV spool files ({@link DaySpool#open}).
 */
final class MeasurementSpoolOut implements AutoCloseable {

    /** The bytes of a record before its client address. */
    static final int FIXED_BYTES = 4 + 8 + 8 + 2 + 2 + 4 + 8 + 4 + 4 + 1;
    /** The longest canonical IPv6 text (an IPv4-mapped address written in full). */
    static final int MAX_IPV6_BYTES = 45;
    static final int MAX_RECORD_BYTES = FIXED_BYTES + MAX_IPV6_BYTES;

    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    MeasurementSpoolOut(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** The fields of a record up to its client address; follow with {@link #ipv4} or {@link #ipv6}. */
    MeasurementSpoolOut row(int fileNo, long line, long epochMicros, int countryCode, int stateCode, int edgePopNo,
                            long rttMicros, int connectionNo, int prefixNo) throws IOException {
        if (buffer.remaining() < MAX_RECORD_BYTES) {
            drain();
        }
        buffer.putInt(fileNo).putLong(line).putLong(epochMicros).putShort((short) countryCode)
                .putShort((short) stateCode).putInt(edgePopNo).putLong(rttMicros).putInt(connectionNo)
                .putInt(prefixNo);
        return this;
    }

    void ipv4(long value) {
        buffer.put((byte) 0).putInt((int) value);
    }

    /** The canonical IPv6 text, as ASCII bytes text[from, to). */
    void ipv6(byte[] text, int from, int to) {
        buffer.put(ipv6Length(to - from)).put(text, from, to - from);
    }

    /** The canonical IPv6 text. */
    void ipv6(String text) {
        buffer.put(ipv6Length(text.length()));
        for (int i = 0; i < text.length(); i++) {
            buffer.put((byte) text.charAt(i)); // canonical addresses are ASCII
        }
    }

    private static byte ipv6Length(int length) {
        if (length < 1 || length > MAX_IPV6_BYTES) {
            throw new IllegalArgumentException("not a canonical IPv6 text length: " + length);
        }
        return (byte) length;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            drain();
            channel.force(true);
        }
    }
}
