package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peertel.prefix.RandomPrefixes.bruteForceLongestMatch;
import static org.peertel.prefix.RandomPrefixes.lastAddress;
import static org.peertel.prefix.RandomPrefixes.randomAddressIn;
import static org.peertel.prefix.RandomPrefixes.randomPrefix;
import static org.peertel.prefix.RandomPrefixes.step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.prefix.RandomPrefixes.Family;

/**
 * The property: on any set of distinct prefixes, in any order, {@link PrefixTable} answers every address with the
 * position of the prefix a linear scan finds (the longest one containing it), through each of its entry points.
 * Checked on random tables of both families and mixed ones, nested deeply, with IPv6 prefixes over the IPv4-mapped
 * space added at random, for many seeds; the addresses are the first and last of every prefix, the ones just
 * outside them, random ones inside, and random ones near and far from the table (misses).
 */
class PrefixTableMatchesBruteForceTest {

    private static final int SEEDS_PER_FAMILY = 25;

    static Stream<Arguments> tables() {
        return Stream.of(Family.values())
                .flatMap(family -> LongStream.rangeClosed(1, SEEDS_PER_FAMILY)
                        .mapToObj(seed -> Arguments.of(family, seed * 7919 + family.ordinal())));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("tables")
    void tableAgreesWithBruteForce(Family family, long seed) {
        Random random = new Random(seed);
        List<Prefix> prefixes = randomTable(random, family);
        // the production split and narrow ones that put most prefixes into nodes (the wide IPv6 split of large
        // tables is checked by PrefixTableTest and on the full table by PrefixTrieSharedDataTest)
        for (PrefixTable table : List.of(PrefixTable.of(prefixes), PrefixTable.of(prefixes, 4, 10))) {
            assertEquals(prefixes.size(), table.size());
            int checked = 0;
            int hits = 0;
            for (IpAddress address : addressesToCheck(random, family, prefixes)) {
                Prefix expected = bruteForceLongestMatch(prefixes, address);
                int expectedIndex = expected == null ? PrefixTable.NO_MATCH : prefixes.indexOf(expected);
                assertEquals(
                        expectedIndex,
                        table.longestMatch(address),
                        () -> "lookup " + address + " expected " + expected + " in " + prefixes);
                assertEquals(expectedIndex, table.longestMatchV6(address.high(), address.low()), address::toString);
                if (address.isIpv4()) {
                    assertEquals(expectedIndex, table.longestMatchV4(address.ipv4Bits()), address::toString);
                }
                checked++;
                hits += expected == null ? 0 : 1;
            }
            assertTrue(prefixes.isEmpty() || hits > 0, "no address hit the table");
            assertTrue(checked >= 600);
        }
    }

    /** Up to about 700 distinct prefixes, nested, in random order; sometimes empty or tiny. */
    private static List<Prefix> randomTable(Random random, Family family) {
        int target = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(4);
            case 1 -> 10 + random.nextInt(40);
            default -> 200 + random.nextInt(500);
        };
        Set<Prefix> distinct = new LinkedHashSet<>();
        List<Prefix> stored = new ArrayList<>();
        for (int i = 0; i < target; i++) {
            if (distinct.add(randomPrefix(random, family, stored))) {
                stored = new ArrayList<>(distinct);
            }
        }
        if (family != Family.IPV4 && random.nextBoolean()) {
            // IPv6 prefixes that cover all of IPv4 (and 0.0.0.0/0, the same bits as ::ffff:0:0/96)
            for (String cover : List.of("::/0", "::/8", "::/80", "::fffe:0:0/95", "0.0.0.0/0", "::/96")) {
                if (random.nextInt(3) == 0) {
                    distinct.add(Prefix.parse(cover));
                }
            }
        }
        List<Prefix> prefixes = new ArrayList<>(distinct);
        Collections.shuffle(prefixes, random);
        return prefixes;
    }

    private static List<IpAddress> addressesToCheck(Random random, Family family, List<Prefix> prefixes) {
        List<IpAddress> addresses = new ArrayList<>();
        for (Prefix prefix : prefixes) {
            IpAddress first = prefix.network();
            IpAddress last = lastAddress(prefix);
            addresses.addAll(List.of(first, last, step(first, -1), step(last, 1), randomAddressIn(random, prefix)));
        }
        for (int i = 0; i < 300; i++) {
            // near the table (the generator's seed blocks) and anywhere at all
            addresses.add(randomAddressIn(random, randomPrefix(random, family, List.of())));
            addresses.add(
                    family == Family.IPV6
                            ? new IpAddress(random.nextLong(), random.nextLong())
                            : IpAddress.ofIpv4(random.nextInt()));
        }
        return addresses;
    }
}
