package org.peertel.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a day's connections, in number order, into runs of at most {@code maxRows} measurements, so that each
 * run's quantiles fit in memory whatever the size of the day. A connection with more rows than that is a run of
 * its own (its quantiles need all its values at once).
 */
final class AggregateBatches {

    /** Connection numbers {@code first..last}, both included. */
    record Batch(int first, int last) {
    }

    private AggregateBatches() {
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
