package org.peertel.routing;

/**
 * A record of a day's BGP file that could not be read, a row of {@code bgp-rejects/<date>.csv}.
 *
 * @param file   the file's name in the day folder
 * @param offset the byte offset of the record (or line) in the uncompressed file
 * @param reason the reason code: an MRT problem in lower case ({@code truncated_record}, ...) or a text line's
 *               ({@code unknown_row_type}, ..., {@link BgpdumpTextChanges})
 */
public record BgpReject(String file, long offset, String reason) {}
