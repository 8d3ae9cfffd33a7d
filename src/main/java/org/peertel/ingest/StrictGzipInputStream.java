package org.peertel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses gzip data (RFC 1952, one or more members) and refuses anything that is not exactly that, where
 * {@link java.util.zip.GZIPInputStream} is lenient: data after the last member is an error here (it silently ends
 * the stream there), and every problem is an {@link InputFileProblem} with its reason and the byte offset in the
 * file:
 * <ul>
 * <li>{@link BadFileReason#NOT_GZIP}: the file does not start with {@code 1f 8b};</li>
 * <li>{@link BadFileReason#TRUNCATED_GZIP}: the file ends inside a member (header, deflate data or trailer);</li>
 * <li>{@link BadFileReason#CORRUPT_GZIP}: a compression method other than deflate, reserved flag bits, a header
 * CRC, invalid deflate data, a CRC-32 or length that does not match, or bytes after a member that do not start
 * another member.</li>
 * </ul>
 * An empty input (0 bytes) is an empty stream: a 0-byte file is a file without rows, whatever its name.
 */
final class StrictGzipInputStream extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xE0;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** File offset of buffer[0]. */
    private long bufferOffset;

    private boolean endOfFile;
    /** File offset where the current member starts. */
    private long memberStart;

    private long memberBytes;
    private boolean inMember;
    private boolean done;
    private boolean firstMember = true;

    StrictGzipInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return SingleByteRead.of(this);
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!done) {
            if (!inMember) {
                startMember();
                continue;
            }
            if (inflater.needsInput()) {
                if (position == limit && !fill()) {
                    throw truncated();
                }
                inflater.setInput(buffer, position, limit - position);
            }
            int produced;
            try {
                produced = inflater.inflate(target, offset, length);
            } catch (DataFormatException e) {
                throw corrupt("invalid deflate data (" + e.getMessage() + ")");
            }
            position = limit - inflater.getRemaining();
            if (produced > 0) {
                crc.update(target, offset, produced);
                memberBytes += produced;
                return produced;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw corrupt("the deflate data asks for a preset dictionary");
            }
        }
        return -1;
    }

    /** Reads a member header, or ends the stream at the end of the file (allowed before the first byte only). */
    private void startMember() throws IOException {
        memberStart = offset();
        int id1 = nextByte();
        if (id1 < 0) {
            if (firstMember) {
                done = true; // a 0-byte file: no content
                return;
            }
            throw new IllegalStateException("endMember checks for the end of the file");
        }
        int id2 = nextByte();
        if (id1 != 0x1F || (id2 >= 0 && id2 != 0x8B)) {
            if (firstMember) {
                throw new InputFileProblem(
                        BadFileReason.NOT_GZIP,
                        "named .gz but not gzip data: it does not start with the gzip signature 1f 8b");
            }
            throw new InputFileProblem(
                    BadFileReason.CORRUPT_GZIP,
                    "corrupt gzip data: the bytes from byte " + memberStart
                            + " on, after the last gzip member, are not another gzip member");
        }
        if (id2 < 0) {
            throw truncated();
        }
        CRC32 headerCrc = new CRC32();
        headerCrc.update(id1);
        headerCrc.update(id2);
        int method = headerByte(headerCrc);
        if (method != 8) {
            throw corrupt("compression method " + method + " is not deflate (8)");
        }
        int flags = headerByte(headerCrc);
        if ((flags & RESERVED_FLAGS) != 0) {
            throw corrupt("reserved header flag bits are set (flags " + flags + ")");
        }
        for (int i = 0; i < 6; i++) {
            headerByte(headerCrc); // MTIME, XFL, OS
        }
        if ((flags & FEXTRA) != 0) {
            int extraLength = headerByte(headerCrc) | headerByte(headerCrc) << 8;
            for (int i = 0; i < extraLength; i++) {
                headerByte(headerCrc);
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte(headerCrc) != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte(headerCrc) != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) headerCrc.getValue() & 0xFFFF;
            int stored = requiredByte() | requiredByte() << 8;
            if (stored != expected) {
                throw corrupt("the header CRC does not match the header");
            }
        }
        firstMember = false;
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inMember = true;
    }

    /** Checks the member's trailer (CRC-32, length mod 2^32); the stream ends if the file ends right after it. */
    private void endMember() throws IOException {
        long storedCrc = requiredByte() | requiredByte() << 8 | requiredByte() << 16 | (long) requiredByte() << 24;
        long storedSize = requiredByte() | requiredByte() << 8 | requiredByte() << 16 | (long) requiredByte() << 24;
        if (storedCrc != crc.getValue()) {
            throw corrupt("the CRC-32 of the decompressed data does not match the one stored in the member");
        }
        if (storedSize != (memberBytes & 0xFFFF_FFFFL)) {
            throw corrupt("the decompressed length does not match the one stored in the member");
        }
        inMember = false;
        if (position == limit && !fill()) {
            done = true;
        }
    }

    private int headerByte(CRC32 headerCrc) throws IOException {
        int b = requiredByte();
        headerCrc.update(b);
        return b;
    }

    /** The next byte of the file; the file must not end here. */
    private int requiredByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw truncated();
        }
        return b;
    }

    private int nextByte() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    /** Refills the empty buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        if (endOfFile) {
            return false;
        }
        bufferOffset += limit;
        position = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            endOfFile = true;
            return false;
        }
        limit = n;
        return true;
    }

    private long offset() {
        return bufferOffset + position;
    }

    private InputFileProblem truncated() {
        return new InputFileProblem(
                BadFileReason.TRUNCATED_GZIP,
                "truncated gzip data: the file ends at byte " + offset()
                        + ", inside the gzip member that starts at byte " + memberStart);
    }

    private InputFileProblem corrupt(String what) {
        return new InputFileProblem(
                BadFileReason.CORRUPT_GZIP,
                "corrupt gzip data in the member that starts at " + "byte " + memberStart + ": " + what);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
