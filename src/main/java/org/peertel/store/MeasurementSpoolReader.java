package org.peertel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The binary measurement files of a spool ({@link MeasurementSpoolRecord}) as Arrow record batches, each batch filled
 * when DuckDB asks for it (on DuckDB's thread: filling ahead on other threads measured no faster, BENCHMARKS.md
 * "Hand-over to DuckDB"): first the files of the plain format an older release wrote, one after the other, then the
 * chunks of the chunked files ({@link MeasurementSpoolChunks}) bucket by bucket, so that the rows arrive grouped by
 * connection number. The batches have {@link MeasurementColumn#ARROW_SCHEMA}: the columns of measurement_rows but the
 * day, each in the Arrow type DuckDB maps to its column type without a cast.
 */
final class MeasurementSpoolReader extends ArrowReader {

    /**
     * The rows of a batch: those of one of measurement_rows' row groups. DuckDB's threads each take whole batches and
     * fill row groups of their own, so a batch of another size mixes two threads' parts of the stream in one row
     * group (with 65,536 rows a row group spanned about twice the connections of one in order).
     */
    static final int BATCH_ROWS = 122_880;

    private static final int READ_BYTES = 1 << 20;

    /** A chunk of records: its bucket, and where its records are. */
    private record Chunk(int bucket, int file, long position, int bytes) {}

    private final List<Path> files;
    private final List<Path> chunkedFiles;
    /** Which buckets' chunks are read: all of them, but for a remote worker's partition of connections. */
    private final IntPredicate readBucket;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int nextFile;
    private FileChannel channel;
    private FileChannel chunkChannel;
    /** The chunks of every chunked file in reading order, made when the plain files are done. */
    private List<Chunk> chunks;

    private int nextChunk;
    private int chunkChannelFile = -1;
    private Path current;
    private long bytesRead;

    /**
     * @param files        files of records only ({@code -measurements.bin}, an older release's spool), in order
     * @param chunkedFiles files of chunks by connection bucket ({@code -measurement-chunks.bin}), in name order
     */
    MeasurementSpoolReader(BufferAllocator allocator, List<Path> files, List<Path> chunkedFiles) {
        this(allocator, files, chunkedFiles, bucket -> true);
    }

    /** A reader of the chunks of the buckets {@code readBucket} accepts only. */
    MeasurementSpoolReader(
            BufferAllocator allocator, List<Path> files, List<Path> chunkedFiles, IntPredicate readBucket) {
        super(allocator);
        this.files = files;
        this.chunkedFiles = chunkedFiles;
        this.readBucket = readBucket;
        buffer.limit(0);
    }

    @Override
    protected Schema readSchema() {
        return MeasurementColumn.ARROW_SCHEMA;
    }

    /**
     * The next batch of at most {@link #BATCH_ROWS} rows, in fresh buffers: those of the batch before may still be
     * held by DuckDB, which releases them when it is done with them.
     */
    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        VectorSchemaRoot root = getVectorSchemaRoot();
        MeasurementVectors columns = MeasurementVectors.of(root);
        for (var vector : root.getFieldVectors()) {
            vector.setInitialCapacity(BATCH_ROWS);
            vector.allocateNew(); // zeroed validity: every value null until set
        }
        byte[] text = new byte[MeasurementSpoolRecord.MAX_IPV6_BYTES];
        int r = 0;
        while (r < BATCH_ROWS && nextRecord()) {
            ByteBuffer b = buffer; // the fields in the order of MeasurementSpoolRecord.FIXED_FIELDS
            columns.fileNo().set(r, b.getInt());
            columns.line().set(r, b.getLong());
            columns.ts().set(r, b.getLong());
            columns.country().set(r, b.getShort());
            columns.state().set(r, b.getShort());
            columns.edgePop().set(r, b.getInt());
            columns.rtt().set(r, b.getLong()); // the unscaled value
            columns.connection().set(r, b.getInt());
            columns.prefix().set(r, b.getInt());
            byte ipv6Length = b.get();
            if (ipv6Length == MeasurementSpoolRecord.IPV4_TAG) {
                columns.ipv4().set(r, b.getInt()); // client_ipv6 stays null
            } else {
                if (MeasurementSpoolRecord.size(ipv6Length) < 0) {
                    throw corrupt("an IPv6 text of " + ipv6Length + " bytes");
                }
                b.get(text, 0, ipv6Length);
                columns.ipv6().setSafe(r, text, 0, ipv6Length); // client_ipv4 stays null
            }
            r++;
        }
        root.setRowCount(r); // every vector's value count, and the offsets of trailing null texts
        return r > 0;
    }

    /**
     * True when a whole record is in the buffer (reading on, into the next file or chunk if need be); false at the
     * end of the last one.
     */
    private boolean nextRecord() throws IOException {
        while (true) {
            if (buffer.remaining() >= MeasurementSpoolRecord.MAX_RECORD_BYTES) {
                return true;
            }
            if (channel == null) {
                if (buffer.hasRemaining()) {
                    return wholeRecordLeft(); // the last records of the file or chunk just read
                }
                if (nextFile == files.size()) {
                    return nextChunk();
                }
                current = files.get(nextFile++);
                channel = FileChannel.open(current);
            }
            buffer.compact();
            int read = channel.read(buffer);
            buffer.flip();
            if (read < 0) {
                channel.close();
                channel = null;
            } else {
                bytesRead += read;
            }
        }
    }

    /** Reads the next chunk of the chunked files into the buffer; false when there is none. */
    private boolean nextChunk() throws IOException {
        if (chunks == null) {
            chunks = chunksInReadingOrder();
        }
        if (nextChunk == chunks.size()) {
            return false;
        }
        Chunk chunk = chunks.get(nextChunk++);
        FileChannel file = chunkChannel(chunk.file());
        buffer.clear().limit(chunk.bytes());
        readFully(file, chunk.position());
        buffer.flip();
        bytesRead += chunk.bytes();
        return buffer.hasRemaining() && wholeRecordLeft();
    }

    /** Every chunk of the chunked files, by bucket, then file, then place in the file. */
    private List<Chunk> chunksInReadingOrder() throws IOException {
        List<Chunk> all = new ArrayList<>();
        ByteBuffer header =
                ByteBuffer.allocate(MeasurementSpoolChunks.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int file = 0; file < chunkedFiles.size(); file++) {
            current = chunkedFiles.get(file);
            try (FileChannel in = FileChannel.open(current)) {
                long size = in.size();
                long position = 0;
                while (position < size) {
                    header.clear();
                    while (header.hasRemaining() && in.read(header, position + header.position()) > 0) {
                        // a header is read whole or the file is cut
                    }
                    if (header.hasRemaining()) {
                        throw corrupt("a cut chunk header at byte " + position);
                    }
                    int bucket = header.getInt(0);
                    int bytes = header.getInt(Integer.BYTES);
                    long records = position + MeasurementSpoolChunks.HEADER_BYTES;
                    if (bucket < 0
                            || bucket >= MeasurementSpoolChunks.MAX_BUCKETS
                            || bytes <= 0
                            || bytes > MeasurementSpoolChunks.MAX_RECORD_BYTES_PER_CHUNK
                            || records + bytes > size) {
                        throw corrupt(
                                "a chunk header at byte " + position + " (bucket " + bucket + ", " + bytes + " bytes)");
                    }
                    if (readBucket.test(bucket)) {
                        all.add(new Chunk(bucket, file, records, bytes));
                    }
                    position = records + bytes;
                }
            }
        }
        all.sort(Comparator.comparingInt(Chunk::bucket)); // stable: file, then place, within a bucket
        return all;
    }

    private FileChannel chunkChannel(int file) throws IOException {
        if (chunkChannelFile != file) {
            if (chunkChannel != null) {
                chunkChannel.close();
            }
            current = chunkedFiles.get(file);
            chunkChannel = FileChannel.open(current);
            chunkChannelFile = file;
        }
        return chunkChannel;
    }

    private void readFully(FileChannel file, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = file.read(buffer, at);
            if (read < 0) {
                throw corrupt("a chunk cut at byte " + at);
            }
            at += read;
        }
    }

    /** At a file's or chunk's end: true when what is left is one whole record or more, else it is corrupt. */
    private boolean wholeRecordLeft() throws IOException {
        int position = buffer.position();
        if (buffer.remaining() < MeasurementSpoolRecord.FIXED_BYTES) {
            throw corrupt("a cut record at its end");
        }
        int size = MeasurementSpoolRecord.size(buffer.get(position + MeasurementSpoolRecord.FIXED_BYTES - 1));
        if (size < 0 || buffer.remaining() < size) {
            throw corrupt("a cut record at its end");
        }
        return true;
    }

    private IOException corrupt(String what) {
        return new IOException("the spool file " + current + " is corrupt: " + what);
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    protected void closeReadSource() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (chunkChannel != null) {
            chunkChannel.close();
            chunkChannel = null;
            chunkChannelFile = -1;
        }
    }
}
