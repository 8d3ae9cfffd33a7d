package org.peertel.ingest;

/**
 * A record that is not a valid measurement, or the point where a file stopped being readable.
 *
 * @param file   the file's name inside the day folder
 * @param line   the physical line where the record starts (for {@link RejectReason#UNREADABLE_FILE}: where reading
 *               failed)
 * @param reason the first reason that applies, in the contract's order
 * @param raw    the exact record text without its line terminator (inner line breaks as {@code "\n"}); for
 *               {@link RejectReason#UNREADABLE_FILE} the error message
 */
public record RejectedRow(String file, long line, RejectReason reason, String raw) implements LatencyRow {
}
