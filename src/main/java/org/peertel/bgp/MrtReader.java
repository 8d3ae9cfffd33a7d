package org.peertel.bgp;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Reads MRT records one at a time from a stream (RFC 6396 section 2): the 12-byte header (timestamp, type, subtype,
 * length), for BGP4MP_ET the 4 bytes of microseconds that the length counts, then the body. Only one record is in
 * memory at a time.
 *
 * <p>A file that ends inside a record, or whose compressed stream is damaged, keeps the records before it:
 * {@link #next()} returns null and the report counts {@link MrtProblem#TRUNCATED_HEADER},
 * {@link MrtProblem#TRUNCATED_RECORD} or {@link MrtProblem#DAMAGED_STREAM}. A length of 0 or over
 * {@link #MAX_RECORD_BYTES} ends the reading too, as in bgpdump, since nothing after it can be framed.
 */
public final class MrtReader implements Closeable {

    /**
     * Far above real records (the largest of bgpdump's regression files is a RIB record just over 64 KiB); it keeps
     * a damaged length from allocating gigabytes.
     */
    static final int MAX_RECORD_BYTES = 16 << 20;

    private static final int HEADER_BYTES = 12;
    private static final int MICROSECOND_BYTES = 4;

    private final InputStream in;
    private final MrtReadReport report;
    private boolean ended;
    private long position;

    public MrtReader(InputStream in, MrtReadReport report) {
        this.in = in;
        this.report = report;
    }

    /**
     * Opens a plain, gzip or bzip2 MRT file, told apart by its first bytes, not its name. Concatenated gzip members
     * and bzip2 streams (as parallel compressors write them) are read as one file.
     */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(1 << 15);
            byte[] magic = raw.readNBytes(3);
            raw.reset();
            // not buffered again: a buffer over it would lose the records it holds when a cut-short file fails
            if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b) {
                return new GZIPInputStream(raw, 1 << 16);
            }
            if (magic.length == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
                try {
                    return new BZip2CompressorInputStream(raw, true);
                } catch (IOException notBzip2) {
                    // "BZh" is also the timestamp of plain records of 256 seconds of 2005-04-11; the block magic
                    // right after it told them apart
                    raw.reset();
                }
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    public MrtReadReport report() {
        return report;
    }

    /**
     * The next record, or null at the end of the stream or where it can no longer be framed. An error of the
     * stream itself (a damaged or cut-short compressed file) ends the reading like a truncation: it is counted as
     * {@link MrtProblem#DAMAGED_STREAM}, not thrown.
     */
    public MrtRecord next() {
        if (ended) {
            return null;
        }
        try {
            return read();
        } catch (IOException e) {
            report.streamFailed(String.valueOf(e.getMessage()));
            return end(MrtProblem.DAMAGED_STREAM);
        }
    }

    private MrtRecord read() throws IOException {
        report.at(position);
        byte[] header = in.readNBytes(HEADER_BYTES);
        position += header.length;
        if (header.length < HEADER_BYTES) {
            return end(header.length == 0 ? null : MrtProblem.TRUNCATED_HEADER);
        }
        ByteCursor cursor = new ByteCursor(header);
        long seconds = cursor.u32();
        int type = cursor.u16();
        int subtype = cursor.u16();
        long length = cursor.u32();
        long microseconds = 0;
        if (type == MrtTypes.BGP4MP_ET) {
            byte[] extra = in.readNBytes(MICROSECOND_BYTES);
            position += extra.length;
            if (extra.length < MICROSECOND_BYTES) {
                return end(MrtProblem.TRUNCATED_HEADER);
            }
            microseconds = new ByteCursor(extra).u32();
            length -= MICROSECOND_BYTES; // "The Microsecond Timestamp is included in the computation of the Length"
        }
        if (length <= 0 || length > MAX_RECORD_BYTES) {
            return end(MrtProblem.BAD_LENGTH);
        }
        byte[] body = in.readNBytes((int) length);
        position += body.length;
        if (body.length < length) {
            return end(MrtProblem.TRUNCATED_RECORD);
        }
        report.framed();
        return new MrtRecord(seconds, microseconds, type, subtype, body);
    }

    private MrtRecord end(MrtProblem problem) {
        ended = true;
        if (problem != null) {
            report.problem(problem);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
