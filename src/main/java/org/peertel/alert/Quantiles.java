package org.peertel.alert;

/** The same linear interpolation as DuckDB's quantile_cont, to the last bit, for values computed in Java. */
final class Quantiles {

    private Quantiles() {}

    /** @param sorted ascending, not empty */
    static double cont(double[] sorted, double quantile) {
        double rank = (sorted.length - 1) * quantile;
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        if (lo == hi) {
            return sorted[lo];
        }
        double d = rank - lo;
        return sorted[lo] * (1.0 - d) + sorted[hi] * d;
    }
}
