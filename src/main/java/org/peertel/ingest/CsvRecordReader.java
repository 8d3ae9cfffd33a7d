package org.peertel.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import org.peertel.ingest.CsvRecord.Shape;

/**
 * Reads RFC 4180 records from decoded text, skipping blank (empty) lines, holding at most one record of
 * {@code maxRecordBytes} in memory. Lenient where RFC 4180 is silent: a quote opens a quoted field only at the
 * start of a field (spaces before it are allowed); characters after a closing quote are kept as they are; a quote
 * inside an unquoted field is an ordinary character; a record may span lines while a quoted field is open.
 *
 * <p>A record's length is counted in bytes of the file, from its first byte to the end of its last line without
 * the final terminator, inner terminators as written. Reading stops at the first byte past {@code maxRecordBytes}:
 * <ul>
 * <li>if a quoted field is open there (a quote just read inside a quoted field counts as closing it), the record
 * is {@link Shape#UNBALANCED_QUOTES}, exactly as when the input ends inside a quoted field: the reject is the
 * record's first physical line alone, and reading resumes with the line after it, so one stray quote costs one
 * row. The lines read past the first are put back, which is why they must fit in the limit;</li>
 * <li>otherwise the record is {@link Shape#TOO_LONG}: it ends with the physical line where the limit was passed,
 * whose rest is skipped without being parsed or kept.</li>
 * </ul>
 * A record cut at the limit keeps its first bytes (up to the limit, cut back to a whole character) followed by
 * {@link #marker(long)}.
 */
final class CsvRecordReader implements Closeable {

    private final PhysicalLineReader lines;
    private final int maxBytes;
    private final CsvRecord record = new CsvRecord();

    CsvRecordReader(Reader text, int maxRecordBytes) {
        // every character stands for at least one byte, so a line of maxRecordBytes + 2 characters (one may be
        // the CR of a CRLF) passes the limit whatever it holds: no more of a line is ever needed
        this.lines = new PhysicalLineReader(text, maxRecordBytes + 2);
        this.maxBytes = maxRecordBytes;
    }

    /** What follows the kept bytes of a record cut at the limit. */
    static String marker(long totalBytes) {
        return " [truncated: " + totalBytes + " bytes in all]";
    }

    /**
     * The next record, or null at the end of input. The returned object is reused by the next call.
     *
     * @throws IOException when reading fails
     */
    CsvRecord next() throws IOException {
        String line;
        do {
            line = lines.nextLine();
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        long startLine = lines.lineNumber();
        if (line.indexOf('"') < 0
                && !lines.isCut()
                && ((long) line.length() * 3 <= maxBytes
                        || Utf8Text.bytes(line, 0, line.length(), (char) 0) <= maxBytes)) {
            splitPlain(line, startLine);
            return record;
        }
        return parse(line, startLine);
    }

    private void splitPlain(String line, long startLine) {
        record.reset(line, startLine, line);
        int fieldStart = 0;
        int comma;
        while ((comma = line.indexOf(',', fieldStart)) >= 0) {
            record.addField(fieldStart, comma);
            fieldStart = comma + 1;
        }
        record.addField(fieldStart, line.length());
        record.setBadEncoding(Utf8Text.hasInvalidByteOrNul(line));
    }

    /** Parses character by character: quotes, records over several lines, the length limit. */
    private CsvRecord parse(String firstLine, long startLine) throws IOException {
        StringBuilder values = new StringBuilder(Math.min(firstLine.length(), maxBytes));
        StringBuilder raw = new StringBuilder(Math.min(firstLine.length(), maxBytes));
        StringBuilder following = null; // the exact text read after the first line, to put back
        record.reset(null, startLine, null);
        String line = firstLine;
        long bytes = 0;
        char previous = 0;
        int fieldStart = 0;
        boolean fieldIsBlank = true;
        boolean inQuotes = false;
        boolean quoteInQuotes = false; // closes the quoted field unless another quote follows
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (lines.isCut()) {
                    throw new IllegalStateException("a cut line always passes the limit before its end");
                }
                inQuotes &= !quoteInQuotes;
                quoteInQuotes = false;
                if (!inQuotes) {
                    break;
                }
                String terminator = lines.lastTerminator();
                if (following != null) {
                    following.append(terminator);
                }
                bytes += terminator.length();
                String next = bytes > maxBytes ? null : lines.nextLine();
                if (next == null) {
                    return unbalanced(firstLine, startLine, following);
                }
                if (following == null) {
                    following = new StringBuilder();
                }
                following.append(next);
                raw.append('\n');
                values.append('\n');
                previous = '\n';
                line = next;
                i = 0;
                continue;
            }
            char c = line.charAt(i);
            int size = Utf8Text.bytes(c, previous);
            if (bytes + size > maxBytes) {
                if (inQuotes && !quoteInQuotes && following != null) {
                    if (!lines.isCut()) {
                        following.append(lines.lastTerminator()); // the whole line was read: put it all back
                    }
                    return unbalanced(firstLine, startLine, following);
                }
                return cutAtLimit(
                        inQuotes && !quoteInQuotes ? Shape.UNBALANCED_QUOTES : Shape.TOO_LONG,
                        startLine,
                        raw,
                        bytes + Utf8Text.bytes(line, i, line.length(), previous));
            }
            bytes += size;
            previous = c;
            raw.append(c);
            i++;
            if (quoteInQuotes) {
                quoteInQuotes = false;
                if (c == '"') {
                    values.append('"');
                    continue;
                }
                inQuotes = false;
            }
            if (inQuotes) {
                if (c == '"') {
                    quoteInQuotes = true;
                } else {
                    values.append(c);
                }
            } else if (c == ',') {
                record.addField(fieldStart, values.length());
                fieldStart = values.length();
                fieldIsBlank = true;
            } else if (c == '"' && fieldIsBlank) {
                inQuotes = true;
                fieldIsBlank = false;
            } else {
                values.append(c);
                fieldIsBlank &= c == ' ';
            }
        }
        record.addField(fieldStart, values.length());
        String text = raw.toString();
        record.setText(text, values.toString());
        record.setBadEncoding(Utf8Text.hasInvalidByteOrNul(text));
        return record;
    }

    /** The first line alone is the reject; the lines read after it are put back and read again as records. */
    private CsvRecord unbalanced(String firstLine, long startLine, StringBuilder following) {
        if (following != null) {
            lines.unread(following, startLine);
        }
        record.reset(firstLine, startLine, null);
        record.setShape(Shape.UNBALANCED_QUOTES);
        record.setBadEncoding(Utf8Text.hasInvalidByteOrNul(firstLine));
        return record;
    }

    /**
     * A record that passed the limit in its current (last) line: the rest of that line is skipped.
     *
     * @param kept       the record's text before the byte that passed the limit
     * @param bytesKnown the record's bytes up to the end of what was kept of the current line
     */
    private CsvRecord cutAtLimit(Shape shape, long startLine, StringBuilder kept, long bytesKnown) throws IOException {
        long total = bytesKnown + (lines.isCut() ? lines.skipRestOfLine() : 0);
        if (kept.length() > 0 && Character.isHighSurrogate(kept.charAt(kept.length() - 1))) {
            kept.setLength(kept.length() - 1); // a whole character only
        }
        String text = kept.toString();
        record.reset(text + marker(total), startLine, null);
        record.setShape(shape);
        record.setBadEncoding(Utf8Text.hasInvalidByteOrNul(text));
        return record;
    }

    /** The physical line where the last record read ends (0 before the first). */
    long lineNumber() {
        return lines.lineNumber();
    }

    /** See {@link PhysicalLineReader#setLineNumber(long)}. */
    void setLineNumber(long lineNumber) {
        lines.setLineNumber(lineNumber);
    }

    /** True while text is waiting in this reader: the next record will start with it, not with new input. */
    boolean holdsUnreadText() {
        return lines.holdsUnreadText();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
