package org.peertel.store;

import java.util.List;

/**
 * The byte layout of one record of a binary measurement spool file, declared once. It is a file format: a spool
 * left by one release in the middle of a day is published by the next (the day resumes at publishStep), so these
 * bytes never change. A row that needs other fields gets a new record format under a new spool file name, not an
 * edit here. Little-endian, one record per row, no header:
 * <pre>
 *   int file_no, long line, long ts (µs since the epoch), short country_code, short state_code, int edge_pop_no,
 *   long rtt_ms (unscaled, 6 decimals), int connection_no, int prefix_no,
 *   byte n: 0 → int client_ipv4 (its 32-bit value) follows; 1..45 → n ASCII bytes of the canonical IPv6 text follow
 * </pre>
 * so 49 bytes for an IPv4 row. Fixed-width numbers cost no digit conversion on either side; the layout is the same
 * whichever reader lane wrote it, so spools still compare byte for byte.
 *
 * <p>{@link MeasurementSpoolOut} writes and {@link MeasurementSpoolReader} reads the fields in this order by hand,
 * one statement a field (the hot path: no loop over a field list per row); MeasurementSpoolRecordTest holds both to
 * {@link #FIXED_FIELDS}, and the golden package's UpgradeTest publishes a spool that release 3fa2256 wrote before
 * this declaration existed.
 */
final class MeasurementSpoolRecord {

    /** A fixed-width field: the value of {@code column} as a little-endian integer of {@code bytes} bytes. */
    record Field(MeasurementColumn column, int bytes) {}

    /** The fields before the client address, in record order. */
    static final List<Field> FIXED_FIELDS = List.of(
            new Field(MeasurementColumn.FILE_NO, Integer.BYTES),
            new Field(MeasurementColumn.LINE, Long.BYTES),
            new Field(MeasurementColumn.TS, Long.BYTES), // µs since the epoch
            new Field(MeasurementColumn.COUNTRY_CODE, Short.BYTES),
            new Field(MeasurementColumn.STATE_CODE, Short.BYTES),
            new Field(MeasurementColumn.EDGE_POP_NO, Integer.BYTES),
            new Field(MeasurementColumn.RTT_MS, Long.BYTES), // the unscaled value: 6 decimals
            new Field(MeasurementColumn.CONNECTION_NO, Integer.BYTES),
            new Field(MeasurementColumn.PREFIX_NO, Integer.BYTES));

    /** The byte after the fixed fields that says which client address follows: this one for an IPv4 value. */
    static final byte IPV4_TAG = 0;

    /** An IPv4 client: its 32-bit value, as an int. */
    static final int IPV4_BYTES = Integer.BYTES;

    /**
     * A bound on a record's IPv6 text, whose length the tag is: canonical text is at most 39 bytes; 45 also fits the
     * longest form with an embedded dotted quad.
     */
    static final int MAX_IPV6_BYTES = 45;

    /** The bytes of a record before its client address: the fixed fields and the tag. */
    static final int FIXED_BYTES = FIXED_FIELDS.stream().mapToInt(Field::bytes).sum() + 1;

    static final int MAX_RECORD_BYTES = FIXED_BYTES + MAX_IPV6_BYTES;

    private MeasurementSpoolRecord() {}

    /** The size of a record whose tag byte is {@code tag}, or -1 when no record has that tag. */
    static int size(byte tag) {
        if (tag == IPV4_TAG) {
            return FIXED_BYTES + IPV4_BYTES;
        }
        return tag > 0 && tag <= MAX_IPV6_BYTES ? FIXED_BYTES + tag : -1;
    }
}
