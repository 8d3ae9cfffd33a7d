package org.peertel.sample;

import java.util.List;
import java.util.Optional;
import org.peertel.prefix.Prefix;
import org.peertel.registry.SpecialPurposeSpace;

/**
 * Address space a scale registry never registers: the special-purpose space the registry refuses, and the two
 * blocks the no_prefix clients come from.
 */
final class UnregisteredSpace {

    /** Where no_prefix clients live: inside no registered prefix. */
    static final Prefix NO_PREFIX_IPV4 = Prefix.parse("198.51.100.0/24");

    static final Prefix NO_PREFIX_IPV6 = Prefix.parse("2001:db8:ffff::/48");

    private static final List<Prefix> NO_PREFIX = List.of(NO_PREFIX_IPV4, NO_PREFIX_IPV6);

    private UnregisteredSpace() {}

    /** The special-purpose block {@code prefix} meets, or empty (the registry refuses a prefix that meets one). */
    static Optional<Prefix> specialPurpose(Prefix prefix) {
        return SpecialPurposeSpace.overlap(prefix)
                .map(overlap -> overlap.block().block());
    }

    /** The no_prefix block {@code prefix} overlaps, or empty. */
    static Optional<Prefix> noPrefixSpace(Prefix prefix) {
        return NO_PREFIX.stream().filter(prefix::overlaps).findFirst();
    }

    /** The first block of either kind that {@code prefix} overlaps, or empty when it may be registered. */
    static Optional<Prefix> blocking(Prefix prefix) {
        Optional<Prefix> special = specialPurpose(prefix);
        return special.isPresent() ? special : noPrefixSpace(prefix);
    }
}
