package org.peertel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one spool file of attributed measurements, one record per row in the layout of
 * {@link MeasurementSpoolRecord}, in chunks by connection bucket ({@link MeasurementSpoolChunks}), which
 * {@link MeasurementSpoolReader} reads. A bucket's chunk is written when it is full and the rest on close; the file
 * is synced to disk on close, like the CSV spool files ({@link DaySpool#open}).
 */
final class MeasurementSpoolOut implements AutoCloseable {

    private final FileChannel channel;
    private final int connectionCount;
    /** By bucket, its chunk being filled, allocated at the bucket's first row (a small day uses few). */
    private final ByteBuffer[] chunks;

    private final ByteBuffer header =
            ByteBuffer.allocate(MeasurementSpoolChunks.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    /** The chunk of the row being written: its client address follows its fixed fields. */
    private ByteBuffer buffer;

    /** @param connectionCount the connections of the registry the rows were matched with (their numbers' bound) */
    MeasurementSpoolOut(Path file, int connectionCount) throws IOException {
        this.connectionCount = connectionCount;
        this.chunks = new ByteBuffer[MeasurementSpoolChunks.buckets(connectionCount)];
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
        int bucket = MeasurementSpoolChunks.bucket(connectionNo, connectionCount, chunks.length);
        buffer = chunks[bucket];
        if (buffer == null) {
            buffer = ByteBuffer.allocate(MeasurementSpoolChunks.MAX_RECORD_BYTES_PER_CHUNK)
                    .order(ByteOrder.LITTLE_ENDIAN);
            chunks[bucket] = buffer;
        } else if (buffer.remaining() < MeasurementSpoolRecord.MAX_RECORD_BYTES) {
            writeChunk(bucket);
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

    /** Writes the records of a bucket's chunk, with its header, and empties it. */
    private void writeChunk(int bucket) throws IOException {
        ByteBuffer chunk = chunks[bucket];
        chunk.flip();
        header.clear().putInt(bucket).putInt(chunk.remaining()).flip();
        ByteBuffer[] both = {header, chunk};
        while (chunk.hasRemaining()) {
            channel.write(both);
        }
        chunk.clear();
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            for (int bucket = 0; bucket < chunks.length; bucket++) {
                if (chunks[bucket] != null && chunks[bucket].position() > 0) {
                    writeChunk(bucket);
                }
            }
            channel.force(true);
        }
    }
}
