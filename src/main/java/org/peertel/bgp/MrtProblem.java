package org.peertel.bgp;

/** Why a record, or the rest of a file, could not be read; counted in {@link MrtReadReport}. */
public enum MrtProblem {
    /** The file ends inside a record header: the records before it are kept. */
    TRUNCATED_HEADER("file ends inside a record header"),
    /** The file ends inside a record body: the records before it are kept. */
    TRUNCATED_RECORD("file ends inside a record"),
    /**
     * The stream failed while being read, typically a damaged or cut-short gzip or bzip2 file: the records before
     * it are kept ({@link MrtReadReport#streamError()} has the message).
     */
    DAMAGED_STREAM("compressed stream damaged or cut short"),
    /** A header's length is 0 or impossibly large; as bgpdump does, reading stops there. */
    BAD_LENGTH("record length 0 or too large"),
    /** An MRT type or subtype this reader does not decode (skipped). */
    UNSUPPORTED_RECORD("record type or subtype not decoded"),
    /** A BGP4MP record whose session address family or BGP marker is wrong (skipped). */
    MALFORMED_MESSAGE("BGP message with a bad address family or marker"),
    /** A BGP message other than OPEN, UPDATE, NOTIFICATION and KEEPALIVE (skipped). */
    UNSUPPORTED_MESSAGE("BGP message type not decoded"),
    /** A state change of a bad length or address family (skipped). */
    MALFORMED_STATE_CHANGE("state change of a bad length or address family"),
    /** A RIB record before any PEER_INDEX_TABLE, or naming a peer the table does not have (skipped). */
    UNKNOWN_PEER("RIB entry without its peer in the peer index table"),
    /** A record read to its end with inner lengths that run past it (kept, read as bgpdump reads it). */
    INNER_LENGTH_OVERRUN("inner length runs past the record (read with zeros, as bgpdump)");

    private final String description;

    MrtProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The reason code of a reject in {@code bgp-rejects/<date>.csv}: the name in lower case. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
