package org.peertel.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits decoded text into physical lines at LF, holding at most {@code keepChars} characters of a line. One CR
 * right before the LF (or before the end of input) is part of the terminator; a CR elsewhere is data. A leading
 * byte order mark is dropped. Lines are numbered from 1.
 *
 * <p>A line longer than {@code keepChars} is returned cut ({@link #isCut()}): the rest of it stays unread until
 * the caller either skips it ({@link #skipRestOfLine()}, which counts its bytes without keeping them) or pushes
 * text back in front of it ({@link #unread}). Memory therefore stays bounded whatever the line length.
 */
final class PhysicalLineReader implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader reader;
    private final int keepChars;
    private char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean cut;
    private char lastKept;
    private String terminator = "";

    /** @param keepChars the most characters of one line held in memory (at least 2) */
    PhysicalLineReader(Reader reader, int keepChars) {
        if (keepChars < 2) {
            throw new IllegalArgumentException("keepChars must be at least 2: " + keepChars);
        }
        this.reader = reader;
        this.keepChars = keepChars;
    }

    /** A reader that keeps lines of up to 1 Mi characters (for tests of the line splitting itself). */
    PhysicalLineReader(Reader reader) {
        this(reader, 1 << 20);
    }

    /**
     * The next line without its terminator, or null at the end of input. When {@link #isCut()} is true afterwards,
     * these are only the line's first {@code keepChars} characters and the caller must {@link #skipRestOfLine()}
     * or {@link #unread} before reading on.
     */
    String nextLine() throws IOException {
        if (cut) {
            throw new IllegalStateException("the rest of line " + lineNumber + " was neither skipped nor unread");
        }
        StringBuilder carry = null;
        while (true) {
            int room = keepChars - (carry == null ? 0 : carry.length());
            int scanEnd = Math.min(limit, position + room);
            for (int i = position; i < scanEnd; i++) {
                if (buffer[i] == '\n') {
                    String line = carry == null
                            ? new String(buffer, position, i - position)
                            : carry.append(buffer, position, i - position).toString();
                    position = i + 1;
                    return finish(line, true);
                }
            }
            if (scanEnd - position == room) {
                String kept = carry == null
                        ? new String(buffer, position, room)
                        : carry.append(buffer, position, room).toString();
                position += room;
                cut = true;
                lastKept = kept.charAt(kept.length() - 1);
                terminator = "";
                lineNumber++;
                return lineNumber == 1 && kept.charAt(0) == BYTE_ORDER_MARK ? kept.substring(1) : kept;
            }
            if (position < limit) {
                if (carry == null) {
                    carry = new StringBuilder(Math.min(keepChars, 256));
                }
                carry.append(buffer, position, limit - position);
            }
            if (!fill()) {
                return carry == null ? null : finish(carry.toString(), false);
            }
        }
    }

    /** The number of the line last returned by {@link #nextLine()} (0 before the first). */
    long lineNumber() {
        return lineNumber;
    }

    /**
     * Makes {@code lineNumber} the number of the line last read, for a caller that read lines past this reader
     * (the fast lane of {@link LatencyFileReader}); only while {@link #holdsUnreadText()} is false.
     */
    void setLineNumber(long lineNumber) {
        this.lineNumber = lineNumber;
    }

    /** True while text read from the reader (or put back) is still waiting here, or a cut line's rest is unread. */
    boolean holdsUnreadText() {
        return position < limit || cut;
    }

    /** True when the line last returned was cut at {@code keepChars} characters and its rest is still unread. */
    boolean isCut() {
        return cut;
    }

    /**
     * The terminator of the line last returned, as written: {@code "\n"}, {@code "\r\n"}, {@code "\r"} (a CR at
     * the end of input) or {@code ""} (end of input, or a cut line).
     */
    String lastTerminator() {
        return terminator;
    }

    /**
     * Reads the rest of the cut line up to and including its terminator without keeping it.
     *
     * @return the number of bytes of the file the rest of the line holds, terminator excluded
     */
    long skipRestOfLine() throws IOException {
        if (!cut) {
            throw new IllegalStateException("line " + lineNumber + " was not cut");
        }
        cut = false;
        long bytes = 0;
        char previous = lastKept;
        while (true) {
            for (int i = position; i < limit; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    position = i + 1;
                    terminator = previous == '\r' ? "\r\n" : "\n";
                    return previous == '\r' ? bytes - 1 : bytes;
                }
                bytes += Utf8Text.bytes(c, previous);
                previous = c;
            }
            position = limit;
            if (!fill()) {
                terminator = previous == '\r' ? "\r" : "";
                return previous == '\r' ? bytes - 1 : bytes;
            }
        }
    }

    /**
     * Puts {@code text} back in front of the unread input and sets the line number to {@code lineNumberBefore}:
     * the next line read starts with {@code text}. After a cut line, the text is read followed by the line's
     * unread rest.
     */
    void unread(CharSequence text, long lineNumberBefore) {
        int rest = limit - position;
        char[] joined = new char[Math.max(BUFFER_CHARS, text.length() + rest)];
        for (int i = 0; i < text.length(); i++) {
            joined[i] = text.charAt(i);
        }
        System.arraycopy(buffer, position, joined, text.length(), rest);
        buffer = joined;
        position = 0;
        limit = text.length() + rest;
        lineNumber = lineNumberBefore;
        cut = false;
    }

    /** Reads more characters into the buffer (keeping none); false at the end of input. */
    private boolean fill() throws IOException {
        if (buffer.length > BUFFER_CHARS) {
            buffer = new char[BUFFER_CHARS]; // back to the normal size after an unread
        }
        position = 0;
        limit = 0;
        int read = reader.read(buffer, 0, buffer.length);
        if (read < 0) {
            return false;
        }
        limit = read;
        return true;
    }

    private String finish(String line, boolean lineFeed) {
        int end = line.length();
        boolean carriageReturn = end > 0 && line.charAt(end - 1) == '\r';
        if (carriageReturn) {
            end--;
        }
        terminator = (carriageReturn ? "\r" : "") + (lineFeed ? "\n" : "");
        lineNumber++;
        int start = lineNumber == 1 && end > 0 && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        return start == 0 && end == line.length() ? line : line.substring(start, end);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
