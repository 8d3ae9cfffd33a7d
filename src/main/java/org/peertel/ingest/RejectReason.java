package org.peertel.ingest;

import java.util.Locale;

/**
 * Why a latency record was rejected, in the contract's order of precedence (first that applies wins). A problem
 * of a whole file is not a reject but a {@link BadFileReason}.
 */
public enum RejectReason {
    /** The record (the part kept of it, when it is too long) holds an invalid UTF-8 byte or a NUL. */
    BAD_ENCODING,
    /** The record is longer than {@code ingest.max-record-bytes}. */
    RECORD_TOO_LONG,
    /** A quoted field is still open at the end of the file or at the record limit: the record's first line. */
    UNBALANCED_QUOTES,
    /** The record's field count differs from the header's. */
    COLUMN_COUNT,
    /** The timestamp is not an accepted ISO-8601 date-time. */
    BAD_TIMESTAMP,
    /** The timestamp, converted to UTC, is not on the folder's day. */
    WRONG_DAY,
    /** The client address is not a strict IPv4 or IPv6 address. */
    BAD_CLIENT_IP,
    /** The country is not an ISO 3166-1 alpha-2 code. */
    BAD_COUNTRY,
    /** The country is US and the state is not a USPS state, DC or territory code. */
    BAD_STATE,
    /** The edge_pop is empty. */
    MISSING_EDGE_POP,
    /** The rtt_ms is not a plain decimal. */
    BAD_RTT,
    /** The rtt_ms is not in 0 &lt; rtt &lt;= 60000. */
    RTT_OUT_OF_RANGE;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The snake_case code written to reject and run files, e.g. {@code bad_rtt}. */
    public String code() {
        return code;
    }

    /**
     * The reason with the given snake_case code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static RejectReason ofCode(String code) {
        for (RejectReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown reject reason '" + code + "'");
    }
}
