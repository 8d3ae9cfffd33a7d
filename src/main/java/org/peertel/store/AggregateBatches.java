package org.peertel.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a day's connections, in number order, into runs of at most {@code maxRows} measurements, so that each
 * run's quantiles fit in memory whatever the size of the day. A connection with more rows than that is a run of
 * its own (its quantiles need all its values at once).
 */
final class AggregateBatches {

    /**
     * The most rows a batch takes whatever the memory limit: a batch's quantiles hold every value of the batch at
     * once, about 30 bytes a row measured, so some 300 MB (a 100 M-row day in batches of this size ran in 2GB).
     */
    static final long MAX_ROWS = 10_000_000;

    /**
     * Bytes of DuckDB's memory limit set aside per row of a batch: twice the 30 bytes measured, for the table's
     * blocks DuckDB caches beside the quantile states. A whole 9.5 M-row day in one batch ran out of a 256MB limit
     * (244 MiB) and passed at 512MB.
     */
    static final long LIMIT_BYTES_PER_ROW = 64;

    /** Connection numbers {@code first..last}, both included. */
    record Batch(int first, int last) {}

    private AggregateBatches() {}

    /** The most rows a batch may take under DuckDB's memory limit of {@code memoryLimitBytes}. */
    static long maxRows(long memoryLimitBytes) {
        return Math.max(1, Math.min(MAX_ROWS, memoryLimitBytes / LIMIT_BYTES_PER_ROW));
    }

    /**
     * @param connectionNumbers the day's connection numbers with at least one row, ascending
     * @param rows              the rows of each, in the same order
     */
    static List<Batch> of(int[] connectionNumbers, long[] rows, long maxRows) {
        List<Batch> batches = new ArrayList<>();
        int start = 0;
        long sum = 0;
        for (int i = 0; i < connectionNumbers.length; i++) {
            if (i > start && sum + rows[i] > maxRows) {
                batches.add(new Batch(connectionNumbers[start], connectionNumbers[i - 1]));
                start = i;
                sum = 0;
            }
            sum += rows[i];
        }
        if (start < connectionNumbers.length) {
            batches.add(new Batch(connectionNumbers[start], connectionNumbers[connectionNumbers.length - 1]));
        }
        return batches;
    }
}
