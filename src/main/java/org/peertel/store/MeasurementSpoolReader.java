package org.peertel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The binary measurement files of a spool ({@link MeasurementSpoolRecord}) as Arrow record batches, one file after
 * the other, each batch filled when DuckDB asks for it (on DuckDB's thread: filling ahead on other threads measured
 * no faster, BENCHMARKS.md "Hand-over to DuckDB"). The batches have {@link MeasurementColumn#ARROW_SCHEMA}: the
 * columns of measurement_rows but the day, each in the Arrow type DuckDB maps to its column type without a cast.
 */
final class MeasurementSpoolReader extends ArrowReader {

    static final int BATCH_ROWS = 1 << 16;
    private static final int READ_BYTES = 1 << 20;

    private final List<Path> files;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int nextFile;
    private FileChannel channel;
    private long bytesRead;

    MeasurementSpoolReader(BufferAllocator allocator, List<Path> files) {
        super(allocator);
        this.files = files;
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
     * True when a whole record is in the buffer (reading on, into the next file if need be); false at the end of
     * the last file.
     */
    private boolean nextRecord() throws IOException {
        while (true) {
            if (buffer.remaining() >= MeasurementSpoolRecord.MAX_RECORD_BYTES) {
                return true;
            }
            if (channel == null) {
                if (buffer.hasRemaining()) {
                    return wholeRecordLeft(); // the last records of the file just read
                }
                if (nextFile == files.size()) {
                    return false;
                }
                channel = FileChannel.open(files.get(nextFile++));
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

    /** At a file's end: true when what is left of it is one whole record or more, else it is corrupt. */
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
        return new IOException("the spool file " + files.get(nextFile - 1) + " is corrupt: " + what);
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
    }
}
