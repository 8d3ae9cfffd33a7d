package org.peertel.sample;

/**
 * A small seeded pseudo-random generator (the SplitMix64 algorithm) whose every output is fixed by this file alone.
 *
 * <p>{@link java.util.SplittableRandom} uses the same core, but its bounded and Gaussian helpers have changed
 * between JDK releases; the committed sample data must come out byte-identical on any JDK, so the helpers live here
 * and use {@link StrictMath} (bit-reproducible on every platform).
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for one independent stream, e.g. one (day, file) pair of a run with seed {@code seed}. */
    static SplitMix64 forStream(long seed, long... streamKeys) {
        long mixed = mix(seed);
        for (long key : streamKeys) {
            mixed = mix(mixed ^ mix(key + 0x632BE59BD9B4E019L));
        }
        return new SplitMix64(mixed);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); bound must be positive. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [from, to] (both inclusive). */
    int nextIntBetween(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** A standard normal value (Box-Muller). */
    double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** A log-normal value: {@code median * e^(sigma * z)}. */
    double nextLogNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * nextGaussian());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
