package org.peertel.prefix;

import static org.peertel.prefix.RandomPrefixes.randomAddressIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A plain timing run (not a test, not JMH): loads a full routing table and times random longest-prefix lookups on
 * one thread. Usage: {@code PrefixTrieBenchmark [prefix-file(.gz)] [lookups]}; without a readable file it uses
 * ../shared/testdata/prefixes/bart/prefixes.txt.gz, or 1,000,000 generated prefixes when that is missing too.
 */
public final class PrefixTrieBenchmark {

    private static final int ADDRESSES = 1 << 21; // a fixed pool of lookup keys, cycled through

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : BenchmarkPrefixes.FULL_TABLE;
        long lookups = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
        Random random = new Random(42);

        long start = System.nanoTime();
        List<Prefix> prefixes =
                Files.isReadable(file) ? BenchmarkPrefixes.read(file) : BenchmarkPrefixes.generated(1_000_000, 42);
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        for (int i = 0; i < prefixes.size(); i++) {
            trie.put(prefixes.get(i), i);
        }
        System.out.printf(
                "loaded %,d prefixes (%,d stored, %,d nodes) from %s in %.1f s%n",
                prefixes.size(),
                trie.size(),
                trie.nodeCount(),
                Files.isReadable(file) ? file : "random generator",
                (System.nanoTime() - start) / 1e9);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "heap in use after GC (prefix list + trie): %,d MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);

        // Addresses inside stored prefixes (realistic: client addresses are routed), and uniformly random IPv4.
        List<Prefix> ipv4 = prefixes.stream().filter(Prefix::isIpv4).toList();
        List<Prefix> ipv6 = prefixes.stream().filter(p -> !p.isIpv4()).toList();
        IpAddress[] routed = new IpAddress[ADDRESSES];
        IpAddress[] routedIpv4 = new IpAddress[ADDRESSES];
        IpAddress[] routedIpv6 = new IpAddress[ADDRESSES];
        IpAddress[] randomIpv4 = new IpAddress[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            routed[i] = randomAddressIn(random, prefixes.get(random.nextInt(prefixes.size())));
            routedIpv4[i] = ipv4.isEmpty() ? routed[i] : randomAddressIn(random, ipv4.get(random.nextInt(ipv4.size())));
            routedIpv6[i] = ipv6.isEmpty() ? routed[i] : randomAddressIn(random, ipv6.get(random.nextInt(ipv6.size())));
            randomIpv4[i] = IpAddress.ofIpv4(random.nextInt());
        }
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            System.out.println(round == 0 ? "warm-up:" : "measured:");
            time("inside table prefixes (mixed)", trie, routed, lookups);
            time("inside IPv4 table prefixes", trie, routedIpv4, lookups);
            time("inside IPv6 table prefixes", trie, routedIpv6, lookups);
            time("uniformly random IPv4", trie, randomIpv4, lookups);
        }
    }

    private static void time(String label, PrefixTrie<Integer> trie, IpAddress[] addresses, long lookups) {
        long hits = 0;
        long start = System.nanoTime();
        for (long i = 0; i < lookups; i++) {
            if (trie.longestPrefixMatch(addresses[(int) (i & (ADDRESSES - 1))]) != null) {
                hits++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-32s %,12.0f lookups/s (%,d lookups, %.1f%% matched, %.2f s)%n",
                label, lookups / seconds, lookups, 100.0 * hits / lookups, seconds);
    }
}
