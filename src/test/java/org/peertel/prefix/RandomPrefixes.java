package org.peertel.prefix;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random prefixes and addresses for the tests that compare a lookup structure with a linear scan. */
final class RandomPrefixes {

    enum Family {
        IPV4,
        IPV6,
        MIXED
    }

    private RandomPrefixes() {}

    /** The longest of {@code prefixes} containing {@code address}, by scanning them all; null when none does. */
    static Prefix bruteForceLongestMatch(Iterable<Prefix> prefixes, IpAddress address) {
        Prefix best = null;
        for (Prefix prefix : prefixes) {
            if (prefix.contains(address) && (best == null || prefix.keyLength() > best.keyLength())) {
                best = prefix;
            }
        }
        return best;
    }

    static Prefix bruteForceLongestMatch(Map<Prefix, ?> prefixes, IpAddress address) {
        return bruteForceLongestMatch(prefixes.keySet(), address);
    }

    /**
     * Mostly a longer prefix inside an already stored one (so tables nest deeply), otherwise a prefix of a few
     * fixed seeds' addresses; the few seeds keep random addresses likely to hit something.
     */
    static Prefix randomPrefix(Random random, Family family, List<Prefix> stored) {
        boolean ipv4 = family == Family.IPV4 || (family == Family.MIXED && random.nextBoolean());
        if (!stored.isEmpty() && random.nextInt(3) > 0) {
            Prefix parent = stored.get(random.nextInt(stored.size()));
            if (parent.isIpv4() == ipv4) {
                int maxLength = ipv4 ? 32 : 128;
                int length = parent.length() + random.nextInt(Math.min(12, maxLength - parent.length()) + 1);
                return prefixOf(randomAddressIn(random, parent), length);
            }
        }
        long[] ipv6Seeds = {0x2001_0db8_0000_0000L, 0x2a02_2770_0011_0000L, 0x0000_0000_0000_0000L};
        int[] ipv4Seeds = {0x0A00_0000, 0xC000_0200, 0x88_14_0000, 0xFFFF_FFFF};
        IpAddress seed = ipv4
                ? IpAddress.ofIpv4(ipv4Seeds[random.nextInt(ipv4Seeds.length)] ^ random.nextInt(1 << 12))
                : new IpAddress(
                        ipv6Seeds[random.nextInt(ipv6Seeds.length)] ^ random.nextInt(1 << 12), random.nextLong());
        int length = ipv4 ? random.nextInt(33) : random.nextInt(129);
        return prefixOf(seed, length);
    }

    /** The prefix of {@code length} bits (in the address's own family) that contains {@code address}. */
    static Prefix prefixOf(IpAddress address, int length) {
        return new Prefix(Prefix.mask(address, address.isIpv4() ? 96 + length : length), length);
    }

    /** The prefix's network with random host bits. */
    static IpAddress randomAddressIn(Random random, Prefix prefix) {
        IpAddress hostBits = hostBits(prefix);
        return new IpAddress(
                prefix.network().high() | (random.nextLong() & hostBits.high()),
                prefix.network().low() | (random.nextLong() & hostBits.low()));
    }

    /** The last address of the prefix. */
    static IpAddress lastAddress(Prefix prefix) {
        IpAddress hostBits = hostBits(prefix);
        return new IpAddress(
                prefix.network().high() | hostBits.high(), prefix.network().low() | hostBits.low());
    }

    /** The 128-bit key plus {@code delta} (-1 or +1), wrapping around at the ends of the key space. */
    static IpAddress step(IpAddress address, int delta) {
        long low = address.low() + delta;
        boolean carry = delta > 0 ? low == 0 : address.low() == 0;
        return new IpAddress(carry ? address.high() + delta : address.high(), low);
    }

    private static IpAddress hostBits(Prefix prefix) {
        IpAddress kept = Prefix.mask(new IpAddress(~0L, ~0L), prefix.keyLength());
        return new IpAddress(~kept.high(), ~kept.low());
    }
}
