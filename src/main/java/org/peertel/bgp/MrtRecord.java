package org.peertel.bgp;

/**
 * One MRT record as framed on disk (RFC 6396 section 2): its header and its body, not yet decoded.
 *
 * @param seconds the header's timestamp, seconds since 1970 (unsigned 32 bits)
 * @param microseconds the extended header's microseconds (BGP4MP_ET only, else 0)
 * @param type the MRT type ({@link MrtTypes})
 * @param subtype the MRT subtype
 * @param body the record's message, without the header (and without the microseconds of the extended header)
 */
public record MrtRecord(long seconds, long microseconds, int type, int subtype, byte[] body) {

    /** Whether the record has the extended header with microseconds (type BGP4MP_ET). */
    public boolean extendedTimestamp() {
        return type == MrtTypes.BGP4MP_ET;
    }
}
