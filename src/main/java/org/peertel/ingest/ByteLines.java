package org.peertel.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed bytes of one latency file in one buffer, shared by the two ways of reading it: the fast lane
 * takes whole lines straight from the buffer ({@link #nextLineFeed()}, {@link #consume(int)}), and the reference
 * chain ({@link Utf8Reader}, {@link PhysicalLineReader}, {@link CsvRecordReader}) reads the same bytes through
 * {@link #referenceStream()}, which hands out at most one line per read. So the reference never holds bytes past
 * the lines it asked for, and after each record the fast lane can go on exactly where the reference stopped.
 *
 * <p>A read failure (truncated gzip, a file over the size limit) is kept until the bytes before it are used up:
 * the reference stream throws it when it has nothing else left to give, where the reference would have met it.
 */
final class ByteLines {

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    /** No line feed in [position, scanned). */
    private int scanned;

    private boolean endOfInput;
    private IOException failure;

    ByteLines(InputStream in, int bufferBytes) {
        this.in = in;
        this.buffer = new byte[bufferBytes];
    }

    /** The buffer holding the next line from {@link #position()} on. */
    byte[] buffer() {
        return buffer;
    }

    /** Where the next unread byte is in {@link #buffer()}. */
    int position() {
        return position;
    }

    /**
     * The index in {@link #buffer()} of the line feed that ends the next line, reading more input as needed; -1
     * when no whole line is within reach: at the end of input (a last line without a line feed), at a read
     * failure, or when the line is longer than the buffer. Those lines are for the reference chain.
     */
    int nextLineFeed() {
        return nextLineFeed(true);
    }

    /**
     * {@link #nextLineFeed()}, reading no more input when {@code mayRead} is false: then bytes already in the
     * buffer stay where they are (the fast lane's rows point into them) and -1 also means "not in the buffer yet".
     */
    int nextLineFeed(boolean mayRead) {
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    scanned = i;
                    return i;
                }
            }
            scanned = limit;
            if (!mayRead || position == 0 && limit == buffer.length || !fill()) {
                return -1;
            }
        }
    }

    /** Marks the line ending with the line feed at {@code lineFeed} as read (by the fast lane). */
    void consume(int lineFeed) {
        position = lineFeed + 1;
        scanned = position;
    }

    /** The unread bytes, at most one line per read: what the reference chain reads. Closing it closes the input. */
    InputStream referenceStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return SingleByteRead.of(this);
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                return readUpToOneLine(target, offset, length);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private int readUpToOneLine(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit && !fill()) {
            if (failure != null) {
                throw failure;
            }
            return -1;
        }
        int n = Math.min(length, limit - position);
        for (int i = position, end = position + n; i < end; i++) {
            if (buffer[i] == '\n') {
                n = i + 1 - position;
                break;
            }
        }
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        scanned = Math.max(scanned, position);
        return n;
    }

    /** Moves the unread bytes to the front and reads more behind them; false when nothing more can come. */
    private boolean fill() {
        if (endOfInput || failure != null) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            scanned -= position;
            position = 0;
        }
        try {
            int n;
            do {
                n = in.read(buffer, limit, buffer.length - limit);
            } while (n == 0);
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException readFailure) {
            failure = readFailure;
            return false;
        }
    }
}
