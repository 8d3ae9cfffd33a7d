package org.peertel.ingest;

import java.util.Locale;

/**
 * Why a latency file is refused as a whole (none of its rows count). By default such a file fails the day; with
 * {@code --skip-bad-files} the day goes on without it and is marked partial.
 */
public enum BadFileReason {
    /** The file cannot be opened or read (permissions, I/O error, vanished). */
    UNREADABLE,
    /** Named {@code .gz} but does not start with the gzip signature {@code 1f 8b}. */
    NOT_GZIP,
    /** The gzip data is invalid somewhere: header, deflate data, CRC-32 or length, or data after the last member. */
    CORRUPT_GZIP,
    /** The gzip data ends inside a member. */
    TRUNCATED_GZIP,
    /** More content than {@code ingest.max-file-bytes} (after decompression for {@code .gz}). */
    TOO_LARGE,
    /**
     * The first non-blank record is not a header: a required column missing, a column named twice, invalid
     * UTF-8 or a NUL byte, longer than {@code ingest.max-record-bytes}, or a quoted field never closed.
     */
    BAD_HEADER;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The snake_case code written to run summaries, e.g. {@code truncated_gzip}. */
    public String code() {
        return code;
    }
}
