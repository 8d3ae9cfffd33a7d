package org.peertel.ingest;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads RFC 4180 records from physical lines, skipping blank lines. A line without a quote character is split
 * on commas directly; otherwise it is parsed with quoting rules, joining the following lines while a quoted
 * field is open. Lenient where RFC 4180 is silent: a quote opens a quoted field only at the start of a field
 * (spaces before it are allowed); characters after a closing quote are kept as they are; a quote inside an
 * unquoted field is an ordinary character.
 */
final class CsvRecordReader implements Closeable {

    /** Longest accepted record; a longer one is almost certainly an unterminated quote. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private final PhysicalLineReader lines;
    private final CsvRecord record = new CsvRecord();

    CsvRecordReader(PhysicalLineReader lines) {
        this.lines = lines;
    }

    /**
     * The next record, or null at the end of input. The returned object is reused by the next call.
     *
     * @throws CsvFormatException when a quoted field is still open at the end of input or a record is too long
     * @throws IOException        when reading fails
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
        if (line.indexOf('"') < 0) {
            splitPlain(line, startLine);
        } else {
            parseQuoted(line, startLine);
        }
        return record;
    }

    /** The number of the physical line being read (where a read failure happened). */
    long currentLine() {
        return lines.lineNumber() + 1;
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
    }

    private void parseQuoted(String firstLine, long startLine) throws IOException {
        StringBuilder values = new StringBuilder(firstLine.length());
        StringBuilder raw = null;
        String line = firstLine;
        record.reset(firstLine, startLine, null);
        int fieldStart = 0;
        boolean fieldIsBlank = true;
        boolean inQuotes = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!inQuotes) {
                    break;
                }
                line = lines.nextLine();
                if (line == null) {
                    throw new CsvFormatException(startLine,
                            "unterminated quoted field in the record starting at line " + startLine);
                }
                if (raw == null) {
                    raw = new StringBuilder(firstLine);
                }
                raw.append('\n').append(line);
                if (raw.length() > MAX_RECORD_CHARS) {
                    throw new CsvFormatException(startLine, "the record starting at line " + startLine
                            + " is longer than " + MAX_RECORD_CHARS + " characters (unterminated quote?)");
                }
                values.append('\n');
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (inQuotes) {
                if (c != '"') {
                    values.append(c);
                } else if (i < line.length() && line.charAt(i) == '"') {
                    values.append('"');
                    i++;
                } else {
                    inQuotes = false;
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
        record.setText(raw == null ? firstLine : raw.toString(), values.toString());
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
