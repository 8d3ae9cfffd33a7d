package org.peertel.ingest;

/**
 * One data record of a latency file: either a valid {@link Measurement} or a {@link RejectedRow}.
 */
public sealed interface LatencyRow permits Measurement, RejectedRow {

    /** The file's name inside the day folder (for example {@code edge-a.csv.gz}). */
    String file();

    /**
     * The 1-based physical line of the (decompressed) file where the record starts; the header is line 1 unless
     * blank lines come before it.
     */
    long line();
}
