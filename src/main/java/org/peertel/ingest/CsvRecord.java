package org.peertel.ingest;

import java.util.Arrays;

/**
 * One CSV record as produced by {@link CsvRecordReader}: the raw text, the line it starts on, whether it could be
 * read whole ({@link Shape}), whether it holds an invalid byte or a NUL, and its field values as ranges of one
 * backing string (only for a {@link Shape#COMPLETE} record). Instances are reused; read what you need before the
 * next record.
 */
final class CsvRecord {

    /** Whether the record was read whole. */
    enum Shape {
        /** Read whole; the fields are valid. */
        COMPLETE,
        /** Longer than the record limit with no quoted field open at the limit; {@code raw} is cut and marked. */
        TOO_LONG,
        /** A quoted field still open at the end of input or at the limit; {@code raw} is the first line only. */
        UNBALANCED_QUOTES
    }

    private Shape shape = Shape.COMPLETE;
    private boolean badEncoding;
    private String raw;
    private long line;
    private String values;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];

    /**
     * The exact record text without its terminator, inner line breaks as LF; for a record cut at the limit its
     * first bytes and a marker with its length. Invalid bytes are still escapes here (see {@link Utf8Text}).
     */
    String raw() {
        return raw;
    }

    Shape shape() {
        return shape;
    }

    /** True when the text kept of the record holds an invalid UTF-8 byte or a NUL. */
    boolean badEncoding() {
        return badEncoding;
    }

    /** The physical line where the record starts. */
    long line() {
        return line;
    }

    /** The number of fields. */
    int fieldCount() {
        return count;
    }

    /** The string holding every field value; field {@code i} is {@code values()[start(i), end(i))}. */
    String values() {
        return values;
    }

    /** Start of field {@code i} after leading spaces (and other characters up to U+0020) are skipped. */
    int start(int i) {
        int start = starts[i];
        int end = ends[i];
        while (start < end && values.charAt(start) <= ' ') {
            start++;
        }
        return start;
    }

    /** End of field {@code i} before trailing spaces (and other characters up to U+0020); never before start. */
    int end(int i) {
        int start = start(i);
        int end = ends[i];
        while (end > start && values.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    /** Field {@code i} without surrounding spaces. */
    String value(int i) {
        int start = start(i);
        int end = end(i);
        return start == 0 && end == values.length() ? values : values.substring(start, end);
    }

    void reset(String raw, long line, String values) {
        this.raw = raw;
        this.line = line;
        this.values = values;
        this.count = 0;
        this.shape = Shape.COMPLETE;
        this.badEncoding = false;
    }

    /** Marks the record as not read whole; its fields are then meaningless. */
    void setShape(Shape shape) {
        this.shape = shape;
    }

    void setBadEncoding(boolean badEncoding) {
        this.badEncoding = badEncoding;
    }

    /** Replaces the raw text and the backing string, keeping the fields. */
    void setText(String raw, String values) {
        this.raw = raw;
        this.values = values;
    }

    void addField(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }
}
