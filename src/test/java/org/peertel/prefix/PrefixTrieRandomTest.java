package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compares the trie with a linear scan over every stored prefix, on random nested tables with removes. */
class PrefixTrieRandomTest {

    enum Family { IPV4, IPV6, MIXED }

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"IPV4, 1", "IPV4, 2", "IPV6, 3", "IPV6, 4", "MIXED, 5", "MIXED, 6"})
    void agreesWithBruteForce(Family family, long seed) {
        Random random = new Random(seed);
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        // with an IPv4 index from the start; of /8 blocks, as a test re-walks all blocks often
        PrefixTrie<Integer> indexed = new PrefixTrie<>(0, 8);
        Map<Prefix, Integer> reference = new HashMap<>();
        List<Prefix> stored = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 600; i++) {
                Prefix prefix = randomPrefix(random, family, stored);
                int value = random.nextInt(1_000_000);
                trie.put(prefix, value);
                indexed.put(prefix, value);
                if (reference.put(prefix, value) == null) {
                    stored.add(prefix);
                }
            }
            compare(random, family, trie, reference, stored);
            compare(random, family, indexed, reference, stored);
            // remove about a third, including some prefixes that are not stored
            for (int i = 0; i < 250; i++) {
                Prefix prefix = random.nextInt(5) == 0 ? randomPrefix(random, family, stored)
                        : stored.get(random.nextInt(stored.size()));
                boolean wasStored = reference.remove(prefix) != null;
                assertEquals(wasStored, trie.remove(prefix), "remove " + prefix);
                assertEquals(wasStored, indexed.remove(prefix), "remove " + prefix);
                stored.remove(prefix);
            }
            compare(random, family, trie, reference, stored);
            compare(random, family, indexed, reference, stored);
        }
    }

    private static void compare(Random random, Family family, PrefixTrie<Integer> trie,
                                Map<Prefix, Integer> reference, List<Prefix> stored) {
        assertEquals(reference.size(), trie.size());
        for (Prefix prefix : stored) {
            assertEquals(reference.get(prefix), trie.get(prefix), "get " + prefix);
        }
        Map<Prefix, Integer> visited = new TreeMap<>();
        List<Prefix> order = new ArrayList<>();
        trie.forEach((prefix, value) -> {
            visited.put(prefix, value);
            order.add(prefix);
        });
        assertEquals(new TreeMap<>(reference), visited);
        assertEquals(List.copyOf(visited.keySet()), order, "forEach order");
        for (int i = 0; i < 1500; i++) {
            // half the addresses fall inside a stored prefix, the others anywhere in a small space
            IpAddress address = i % 2 == 0 && !stored.isEmpty()
                    ? randomAddressIn(random, stored.get(random.nextInt(stored.size())))
                    : randomAddressIn(random, randomPrefix(random, family, List.of()));
            PrefixTrie.Match<Integer> match = trie.longestPrefixMatch(address);
            Prefix expected = bruteForceLongestMatch(reference, address);
            assertEquals(expected, match == null ? null : match.prefix(), "lookup " + address);
            if (match != null) {
                assertEquals(reference.get(expected), match.value(), "value for " + address);
            }
        }
    }

    static Prefix bruteForceLongestMatch(Map<Prefix, ?> prefixes, IpAddress address) {
        Prefix best = null;
        for (Prefix prefix : prefixes.keySet()) {
            if (prefix.contains(address) && (best == null || prefix.keyLength() > best.keyLength())) {
                best = prefix;
            }
        }
        return best;
    }

    /**
     * Mostly a longer prefix inside an already stored one (so tables nest deeply), otherwise a prefix of a few
     * fixed seeds' addresses; the few seeds keep random addresses likely to hit something.
     */
    private static Prefix randomPrefix(Random random, Family family, List<Prefix> stored) {
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
        IpAddress seed = ipv4 ? IpAddress.ofIpv4(ipv4Seeds[random.nextInt(ipv4Seeds.length)] ^ random.nextInt(1 << 12))
                : new IpAddress(ipv6Seeds[random.nextInt(ipv6Seeds.length)] ^ random.nextInt(1 << 12), random.nextLong());
        int length = ipv4 ? random.nextInt(33) : random.nextInt(129);
        return prefixOf(seed, length);
    }

    private static Prefix prefixOf(IpAddress address, int length) {
        return new Prefix(Prefix.mask(address, address.isIpv4() ? 96 + length : length), length);
    }

    /** The prefix's network with random host bits. */
    private static IpAddress randomAddressIn(Random random, Prefix prefix) {
        IpAddress network = prefix.network();
        IpAddress hostBits = Prefix.mask(new IpAddress(~0L, ~0L), prefix.keyLength());
        return new IpAddress(network.high() | (random.nextLong() & ~hostBits.high()),
                network.low() | (random.nextLong() & ~hostBits.low()));
    }
}
