package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.peertel.prefix.RandomPrefixes.bruteForceLongestMatch;
import static org.peertel.prefix.RandomPrefixes.randomAddressIn;
import static org.peertel.prefix.RandomPrefixes.randomPrefix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peertel.prefix.RandomPrefixes.Family;

/** Compares the trie with a linear scan over every stored prefix, on random nested tables with removes. */
class PrefixTrieRandomTest {

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
                Prefix prefix = random.nextInt(5) == 0
                        ? randomPrefix(random, family, stored)
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

    private static void compare(
            Random random,
            Family family,
            PrefixTrie<Integer> trie,
            Map<Prefix, Integer> reference,
            List<Prefix> stored) {
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
}
