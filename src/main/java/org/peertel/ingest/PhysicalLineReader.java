package org.peertel.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits decoded text into physical lines at LF. One CR right before the LF (or before the end of input) is part
 * of the terminator; a CR elsewhere is data. A leading byte order mark is dropped. Lines are numbered from 1.
 */
final class PhysicalLineReader implements Closeable {

    /** Longest accepted line; longer lines mean the input is not a latency CSV (and would exhaust memory). */
    static final int MAX_LINE_CHARS = 1 << 20;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;

    PhysicalLineReader(Reader reader) {
        this.reader = reader;
    }

    /** The next line without its terminator, or null at the end of input. */
    String nextLine() throws IOException {
        StringBuilder carry = null;
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    String line = carry == null ? new String(buffer, position, i - position)
                            : carry.append(buffer, position, i - position).toString();
                    position = i + 1;
                    return finish(line);
                }
            }
            if (position < limit) {
                if (carry == null) {
                    carry = new StringBuilder(256);
                }
                carry.append(buffer, position, limit - position);
                checkLength(carry.length(), 1);
            }
            position = 0;
            limit = 0;
            int read = reader.read(buffer, 0, buffer.length);
            if (read < 0) {
                return carry == null ? null : finish(carry.toString());
            }
            limit = read;
        }
    }

    /** The number of the line last returned by {@link #nextLine()} (0 before the first). */
    long lineNumber() {
        return lineNumber;
    }

    /** Fails once a line is certainly too long; {@code slack} allows for a CR still counted in the length. */
    private void checkLength(int length, int slack) throws CsvFormatException {
        if (length > MAX_LINE_CHARS + slack) {
            throw new CsvFormatException(lineNumber + 1,
                    "line " + (lineNumber + 1) + " is longer than " + MAX_LINE_CHARS + " characters");
        }
    }

    private String finish(String line) throws CsvFormatException {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        checkLength(end, 0);
        lineNumber++;
        int start = lineNumber == 1 && end > 0 && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        return start == 0 && end == line.length() ? line : line.substring(start, end);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
