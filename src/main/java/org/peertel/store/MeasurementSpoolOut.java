package org.peertel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one spool file of attributed measurements, one record per row in the layout of
 * {@link MeasurementSpoolRecord}, which {@link MeasurementSpoolReader} reads. Synced to disk on close, like the CSV
 * spool files ({@link DaySpool#open}).
 */
final class MeasurementSpoolOut implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    MeasurementSpoolOut(Path file) throws IOException {
        channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /**
     * The fixed fields of a record, in the order of {@link MeasurementSpoolRecord#FIXED_FIELDS}; follow with
     * {@link #ipv4} or {@link #ipv6}.
     */
    MeasurementSpoolOut row(
            int fileNo,
            long line,
            long epochMicros,
            int countryCode,
            int stateCode,
            int edgePopNo,
            long rttMicros,
            int connectionNo,
            int prefixNo)
            throws IOException {
        if (buffer.remaining() < MeasurementSpoolRecord.MAX_RECORD_BYTES) {
            drain();
        }
        buffer.putInt(fileNo)
                .putLong(line)
                .putLong(epochMicros)
                .putShort((short) countryCode)
                .putShort((short) stateCode)
                .putInt(edgePopNo)
                .putLong(rttMicros)
                .putInt(connectionNo)
                .putInt(prefixNo);
        return this;
    }

    void ipv4(long value) {
        buffer.put(MeasurementSpoolRecord.IPV4_TAG).putInt((int) value);
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
        if (length < 1 || length > MeasurementSpoolRecord.MAX_IPV6_BYTES) {
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
