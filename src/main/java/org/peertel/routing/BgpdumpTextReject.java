package org.peertel.routing;

/**
 * Where {@link BgpdumpTextChanges} sends a malformed line: the byte offset of the line's first byte in the file (in
 * the uncompressed text for a gzip file) and one of its reason codes ({@link BgpdumpTextChanges#UNKNOWN_ROW_TYPE},
 * ...).
 */
@FunctionalInterface
public interface BgpdumpTextReject {

    void reject(long offset, String reason);
}
