package org.peertel.ingest;

import java.io.IOException;

/** The text cannot be split into CSV records from a given line on (for example an unterminated quote). */
final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;

    CsvFormatException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** The physical line the problem is reported at. */
    long line() {
        return line;
    }
}
