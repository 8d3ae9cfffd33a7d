package org.peertel.store;

/**
 * The framing of a binary measurement spool file written since release 2026-12-07 (names ending
 * {@code -measurement-chunks.bin}): the records of {@link MeasurementSpoolRecord}, unchanged, in chunks, each holding
 * whole records of one bucket of neighbouring connection numbers. Little-endian, no file header:
 * <pre>
 *   chunk: int bucket (0 .. buckets - 1), int n (bytes of records), n bytes of whole records
 * </pre>
 * {@link MeasurementSpoolReader} reads the chunks of all the day's files bucket by bucket, so measurement_rows gets a
 * day's rows grouped by connection number without a sort: each of its row groups (122,880 rows) holds a few buckets,
 * and DuckDB's per-row-group minimum and maximum of connection_no let a query on some connections skip the rest (the
 * reports of one customer, store/RangeQueries; the aggregate batches of a large day). Sorting the rows in DuckDB
 * instead cost 11 % of a 10 M-row day and twice its memory (BENCHMARKS.md, "Rows grouped by connection"). Within a
 * bucket rows keep the order they were read in; the order of the buckets' chunks is by bucket, then file, then place.
 *
 * <p>A file format, like the record: a spool left in the middle of a day is published by the next release, so a
 * change gets a new file name. The files of the plain format before it (records only, names ending
 * {@code -measurements.bin}) are still read.
 */
final class MeasurementSpoolChunks {

    /** The most buckets a day's connections are split into: 128 chunk buffers a file being written. */
    static final int MAX_BUCKETS = 128;

    /** The bytes of records a chunk holds at most: 32 KiB, some 650 IPv4 rows. */
    static final int MAX_RECORD_BYTES_PER_CHUNK = 1 << 15;

    /** The chunk header: bucket and length, two ints. */
    static final int HEADER_BYTES = 2 * Integer.BYTES;

    private MeasurementSpoolChunks() {}

    /** The buckets for a registry of {@code connectionCount} connections: one a connection up to the maximum. */
    static int buckets(int connectionCount) {
        return Math.max(1, Math.min(MAX_BUCKETS, connectionCount));
    }

    /**
     * The bucket of a connection number: connections {@code 0 .. connectionCount - 1} split into {@code buckets}
     * runs of neighbouring numbers, of equal size but for rounding.
     */
    static int bucket(int connectionNo, int connectionCount, int buckets) {
        if (connectionNo < 0 || connectionNo >= connectionCount) {
            throw new IllegalArgumentException(
                    "connection number " + connectionNo + " outside a registry of " + connectionCount);
        }
        return (int) ((long) connectionNo * buckets / connectionCount);
    }

    /**
     * The partition of {@code partitions} that bucket {@code bucket} of {@code buckets} belongs to, when remote
     * workers aggregate a day's connections in partitions: runs of neighbouring buckets, so each partition is a run
     * of neighbouring connection numbers, and every row of a connection is in one partition whoever read it.
     */
    static int partition(int bucket, int buckets, int partitions) {
        return (int) ((long) bucket * partitions / buckets);
    }
}
