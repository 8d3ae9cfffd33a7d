package org.peertel.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link SampleDataGenerator#writeCollectorDays} makes ({@code peertel generate bgp}). Each check names the
 * option that sets the value, because its message is what the command line prints.
 *
 * @param registry               the connections registry whose prefixes (and {@code origin_asns}) are announced
 * @param from                   the first UTC day
 * @param days                   number of consecutive days (1..{@value #MAX_DAYS})
 * @param updatesPerDay          prefix updates a day (announcements and withdrawals, one prefix each)
 * @param peers                  the collector's peers (1..{@value #MAX_PEERS})
 * @param unregisteredPrefixes   prefixes no connection registered, announced besides the registered ones (most of
 *                               a real collector's updates are for other networks' prefixes)
 * @param seed                   the random seed: the same settings give byte-identical files
 */
public record CollectorDaySettings(
        Path registry, LocalDate from, int days, long updatesPerDay, int peers, int unregisteredPrefixes, long seed) {

    public static final long DEFAULT_UPDATES_PER_DAY = 5_000_000;
    public static final int DEFAULT_PEERS = 40;
    public static final int DEFAULT_UNREGISTERED_PREFIXES = 900_000;
    public static final int MAX_DAYS = 366;
    public static final int MAX_PEERS = 65_000;
    public static final int MAX_UNREGISTERED_PREFIXES = 10_000_000;

    public CollectorDaySettings {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(from, "from");
        requireRange("--days", days, 1, MAX_DAYS);
        requireRange("--updates-per-day", updatesPerDay, 0, 1_000_000_000L);
        requireRange("--peers", peers, 1, MAX_PEERS);
        requireRange("--unregistered-prefixes", unregisteredPrefixes, 0, MAX_UNREGISTERED_PREFIXES);
    }

    private static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", was " + value);
        }
    }
}
