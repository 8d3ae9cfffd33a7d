package org.peertel.ingest;

/**
 * A record that is not a valid measurement.
 *
 * @param file   the file's name inside the day folder
 * @param line   the physical line where the record starts
 * @param reason the first reason that applies, in the contract's order
 * @param raw    the exact record text without its line terminator (inner line breaks as {@code "\n"}); every
 *               invalid UTF-8 byte and NUL as U+FFFD; for {@link RejectReason#UNBALANCED_QUOTES} the first line
 *               only; for a record cut at the length limit its first bytes and {@code " [truncated: N bytes in
 *               all]"}
 */
public record RejectedRow(String file, long line, RejectReason reason, String raw) implements LatencyRow {}
