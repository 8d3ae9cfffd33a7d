package org.peertel.ingest;

/**
 * The size limits of the latency reader, set in the job settings ({@code ingest.max-file-bytes},
 * {@code ingest.max-record-bytes}). They keep memory bounded whatever a file holds: no record is ever held longer
 * than {@code maxRecordBytes} (plus one line buffer), and no file is read past {@code maxFileBytes}.
 *
 * @param maxFileBytes   the most content one file may have, counted after decompression for {@code .gz}; a file
 *                       with more is refused as a whole ({@link BadFileReason#TOO_LARGE})
 * @param maxRecordBytes the longest record, in bytes of the file's text, from its first byte to the end of its last
 *                       line without the final line terminator (inner line terminators count as written); a longer
 *                       one is rejected ({@link RejectReason#RECORD_TOO_LONG}) or, when a quoted field is still open
 *                       at the limit, {@link RejectReason#UNBALANCED_QUOTES}
 */
public record IngestLimits(long maxFileBytes, int maxRecordBytes) {

    /** 16 GiB: far above any real day's file, far below a decompression bomb's output. */
    public static final long DEFAULT_MAX_FILE_BYTES = 16L << 30;
    /** 64 KiB: a latency row is well under 200 bytes. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 << 10;
    /** The smallest record limit accepted: a header needs about 50 bytes. */
    public static final int MIN_RECORD_BYTES = 64;
    /** The largest record limit accepted (16 MiB): the reader holds up to twice this in memory. */
    public static final int MAX_RECORD_BYTES = 16 << 20;

    public static final IngestLimits DEFAULTS = new IngestLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_BYTES);

    public IngestLimits {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1: " + maxFileBytes);
        }
        if (maxRecordBytes < MIN_RECORD_BYTES || maxRecordBytes > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("maxRecordBytes must be from " + MIN_RECORD_BYTES + " to "
                    + MAX_RECORD_BYTES + ": " + maxRecordBytes);
        }
    }
}
