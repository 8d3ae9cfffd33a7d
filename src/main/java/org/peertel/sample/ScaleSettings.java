package org.peertel.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link SampleDataGenerator#writeScale} makes. Each check names the {@code peertel generate scale} option
 * that sets the value, because its message is what the command line prints.
 *
 * @param from         the first UTC day
 * @param days         number of consecutive days (1..{@value #MAX_DAYS})
 * @param customers    number of customers (1..connections); connections are split over them in contiguous runs
 * @param connections  number of connections in the registry (1..{@value #MAX_CONNECTIONS})
 * @param ipv4Prefixes distinct IPv4 prefixes to register; {@link #ALL} = every usable one of the prefix table
 * @param ipv6Prefixes distinct IPv6 prefixes to register; {@link #ALL} = every usable one of the prefix table
 * @param nestedShare  share (0..0.5) of the generated prefixes that are more-specifics of another connection's
 *                     prefix; the prefix table brings its own nesting, so it must be 0 with a table
 * @param rowsPerDay   data rows per day over all files, bad rows included (0 or more)
 * @param files        edge PoP files per day (1..{@value #MAX_FILES}); the rows of a day are split evenly
 * @param ipv6Share    share (0..1) of the measurement rows whose client is an IPv6 address
 * @param badShare     share (0..1) of the rows that are bad (one reject reason each, cycling)
 * @param seed         the random seed: the same settings give byte-identical files
 * @param gzip         true to write {@code .csv.gz} files, false for {@code .csv}
 * @param prefixTable  a file with one CIDR per line (gzip when its name ends with {@code .gz}) whose prefixes are
 *                     registered instead of generated ones; null to generate them
 * @param originAsns   true to give every customer an allowed origin AS ({@code origin_asns}, drawn from the seed,
 *                     4-byte public range 131072..393215), for prefix events; false writes the seven older columns
 */
public record ScaleSettings(
        LocalDate from,
        int days,
        int customers,
        int connections,
        int ipv4Prefixes,
        int ipv6Prefixes,
        double nestedShare,
        long rowsPerDay,
        int files,
        double ipv6Share,
        double badShare,
        long seed,
        boolean gzip,
        Path prefixTable,
        boolean originAsns) {

    /** Upper bound on connections. */
    public static final int MAX_CONNECTIONS = 200_000;
    /** Upper bound on files per day. */
    public static final int MAX_FILES = 1_000;
    /** Upper bound on days (ten years). */
    public static final int MAX_DAYS = 3_660;
    /** Upper bound on generated prefixes of one family (what the synthetic address plan has room for). */
    public static final int MAX_GENERATED_PREFIXES = 3_000_000;
    /** The prefix count that means "every usable prefix of the table" (only with a prefix table). */
    public static final int ALL = -1;

    public static final double DEFAULT_NESTED_SHARE = 0.05;
    public static final double DEFAULT_IPV6_SHARE = 0.3;
    public static final double DEFAULT_BAD_SHARE = 0.01;

    public ScaleSettings {
        Objects.requireNonNull(from, "from");
        requireRange("--days", days, 1, MAX_DAYS);
        requireRange("--connections", connections, 1, MAX_CONNECTIONS);
        requireRange("--customers", customers, 1, connections);
        requireRange("--rows-per-day", rowsPerDay, 0, Long.MAX_VALUE / 86_400_000L);
        requireRange("--files", files, 1, MAX_FILES);
        requireShare("--ipv6-share", ipv6Share, 1);
        requireShare("--bad-share", badShare, 1);
        requireShare("--nested-share", nestedShare, 0.5);
        if (prefixTable == null) {
            requireRange("--ipv4-prefixes", ipv4Prefixes, 0, MAX_GENERATED_PREFIXES);
            requireRange("--ipv6-prefixes", ipv6Prefixes, 0, MAX_GENERATED_PREFIXES);
            long bases = basePrefixes(ipv4Prefixes, nestedShare) + basePrefixes(ipv6Prefixes, nestedShare);
            if (bases < connections) {
                throw new IllegalArgumentException("--ipv4-prefixes " + ipv4Prefixes + " and --ipv6-prefixes "
                        + ipv6Prefixes + " leave " + bases + " prefixes that are not nested (--nested-share "
                        + nestedShare + ") for " + connections + " connections; every connection needs one, so "
                        + "give at least " + connections + " prefixes or fewer --connections");
            }
        } else {
            requireRange("--ipv4-prefixes", ipv4Prefixes, ALL, Integer.MAX_VALUE);
            requireRange("--ipv6-prefixes", ipv6Prefixes, ALL, Integer.MAX_VALUE);
            if (nestedShare != 0) {
                throw new IllegalArgumentException("--nested-share applies to generated prefixes; the prefix table "
                        + "brings its own nesting, so leave --nested-share out with --prefix-table");
            }
        }
        if (ipv6Share > 0 && ipv6Prefixes == 0) {
            throw new IllegalArgumentException("--ipv6-share " + ipv6Share + " asks for IPv6 clients but "
                    + "--ipv6-prefixes is 0; register IPv6 prefixes or give --ipv6-share 0");
        }
        if (ipv6Share < 1 && ipv4Prefixes == 0) {
            throw new IllegalArgumentException("--ipv6-share " + ipv6Share + " asks for IPv4 clients but "
                    + "--ipv4-prefixes is 0; register IPv4 prefixes or give --ipv6-share 1");
        }
    }

    /** Settings without allowed origins (a registry of the seven older columns). */
    public ScaleSettings(
            LocalDate from,
            int days,
            int customers,
            int connections,
            int ipv4Prefixes,
            int ipv6Prefixes,
            double nestedShare,
            long rowsPerDay,
            int files,
            double ipv6Share,
            double badShare,
            long seed,
            boolean gzip,
            Path prefixTable) {
        this(
                from,
                days,
                customers,
                connections,
                ipv4Prefixes,
                ipv6Prefixes,
                nestedShare,
                rowsPerDay,
                files,
                ipv6Share,
                badShare,
                seed,
                gzip,
                prefixTable,
                false);
    }

    /**
     * Generated prefixes and the defaults of the older benchmark data set: about a tenth as many customers as
     * connections, one IPv4 and one IPv6 prefix per connection, 5 % of them nested, 30 % IPv6 clients, 1 % bad
     * rows.
     */
    public ScaleSettings(
            LocalDate from, int days, int connections, long rowsPerDay, int files, long seed, boolean gzip) {
        this(
                from,
                days,
                defaultCustomers(connections),
                connections,
                connections,
                connections,
                DEFAULT_NESTED_SHARE,
                rowsPerDay,
                files,
                DEFAULT_IPV6_SHARE,
                DEFAULT_BAD_SHARE,
                seed,
                gzip,
                null);
    }

    /** About one customer per ten connections, at least one. */
    public static int defaultCustomers(int connections) {
        return Math.max(1, (connections + 9) / 10);
    }

    /** How many of {@code prefixes} generated prefixes are not nested in another one. */
    static int basePrefixes(int prefixes, double nestedShare) {
        return prefixes - nestedPrefixes(prefixes, nestedShare);
    }

    /** How many of {@code prefixes} generated prefixes are nested in another one. */
    static int nestedPrefixes(int prefixes, double nestedShare) {
        return (int) Math.round(prefixes * nestedShare);
    }

    private static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", was " + value);
        }
    }

    private static void requireShare(String option, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(
                    option + " is a share from 0 to " + max + " (e.g. 0.05 for 5 %), was " + value);
        }
    }
}
