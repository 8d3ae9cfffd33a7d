package org.peertel.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link SampleDataGenerator#writeScale} makes.
 *
 * @param from        the first UTC day
 * @param days        number of consecutive days (1..3660)
 * @param connections number of connections in the registry (1..{@value #MAX_CONNECTIONS}); customers are about a
 *                    tenth of that
 * @param rowsPerDay  data rows per day over all files, including the few % of no_prefix, location_mismatch and bad
 *                    rows (0 or more)
 * @param files       edge PoP files per day (1..{@value #MAX_FILES}); the rows of a day are split evenly
 * @param seed        the random seed: the same settings give byte-identical files
 * @param gzip        true to write {@code .csv.gz} files, false for {@code .csv}
 */
public record ScaleSettings(LocalDate from, int days, int connections, long rowsPerDay, int files, long seed,
                            boolean gzip) {

    /** Upper bound on connections (every connection's client addresses are kept in memory while writing). */
    public static final int MAX_CONNECTIONS = 200_000;
    /** Upper bound on files per day. */
    public static final int MAX_FILES = 1_000;
    /** Upper bound on days (ten years). */
    public static final int MAX_DAYS = 3_660;

    public ScaleSettings {
        Objects.requireNonNull(from, "from");
        requireRange("days", days, 1, MAX_DAYS);
        requireRange("connections", connections, 1, MAX_CONNECTIONS);
        requireRange("rowsPerDay", rowsPerDay, 0, Long.MAX_VALUE / 86_400_000L);
        requireRange("files", files, 1, MAX_FILES);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", was " + value);
        }
    }
}
