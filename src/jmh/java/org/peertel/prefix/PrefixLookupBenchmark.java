package org.peertel.prefix;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressTrie;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressTrie;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Longest-prefix-match lookups per second on one thread: {@link PrefixTable} against IPAddress's own tries
 * ({@link IPv4AddressTrie}, {@link IPv6AddressTrie}, {@code longestPrefixMatchNode}) and, for reference, the
 * mutable {@link PrefixTrie}. Parameters: the family of the looked-up addresses; the table, 100,000 generated
 * prefixes (fixed seed, both families) or the real 1.06 M-prefix full table from ../shared/testdata; the traffic,
 * "hit" (addresses inside random prefixes of the family) or "miss" (random addresses, IPv6 ones under 2000::/3,
 * that no prefix covers). Addresses come from a pre-generated pool of 2^20, walked in batches, so the working set
 * is the table's rather than the pool's. Run with {@code mvn -Pjmh test-compile exec:exec@jmh} (BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class PrefixLookupBenchmark {

    static final int BATCH = 1024; // lookups per benchmark call; JMH reports per lookup
    static final int POOL = 1 << 20;

    /** The prefixes and the lookup addresses; each structure's state below adds the structure. */
    @State(Scope.Thread)
    public abstract static class Workload {
        @Param({"ipv4", "ipv6"})
        public String family;

        @Param({"generated-100k", "full-1.06M"})
        public String table;

        @Param({"hit", "miss"})
        public String traffic;

        List<Prefix> prefixes;
        IpAddress[] addresses;
        private int next;

        void load() throws IOException {
            if (table.equals("generated-100k")) {
                prefixes = BenchmarkPrefixes.generated(100_000, 20261125L);
            } else if (Files.isReadable(BenchmarkPrefixes.FULL_TABLE)) {
                prefixes = BenchmarkPrefixes.read(BenchmarkPrefixes.FULL_TABLE);
            } else {
                throw new IllegalStateException("not found: " + BenchmarkPrefixes.FULL_TABLE.toAbsolutePath());
            }
            addresses = traffic.equals("hit")
                    ? BenchmarkPrefixes.inside(prefixes, ipv4(), POOL, 4)
                    : BenchmarkPrefixes.outside(PrefixTable.of(prefixes), ipv4(), POOL, 6);
        }

        boolean ipv4() {
            return family.equals("ipv4");
        }

        /** The first pool index of the next batch. */
        int nextBatch() {
            int from = next;
            next = (next + BATCH) & (POOL - 1);
            return from;
        }
    }

    public static class TableState extends Workload {
        PrefixTable prefixTable;
        int[] ipv4Bits;
        long[] high;
        long[] low;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            load();
            long start = System.nanoTime();
            prefixTable = PrefixTable.of(prefixes);
            System.out.printf(
                    "%nPrefixTable of %,d prefixes: built in %.0f ms, %,d bytes (%s)%n",
                    prefixes.size(), (System.nanoTime() - start) / 1e6, prefixTable.memoryBytes(), prefixTable.shape());
            ipv4Bits = new int[POOL];
            high = new long[POOL];
            low = new long[POOL];
            for (int i = 0; i < POOL; i++) {
                ipv4Bits[i] = addresses[i].ipv4Bits();
                high[i] = addresses[i].high();
                low[i] = addresses[i].low();
            }
        }
    }

    public static class IPAddressState extends Workload {
        IPv4AddressTrie ipv4Trie = new IPv4AddressTrie();
        IPv6AddressTrie ipv6Trie = new IPv6AddressTrie();
        IPv4Address[] ipv4Addresses = new IPv4Address[POOL];
        IPv6Address[] ipv6Addresses = new IPv6Address[POOL];

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            load();
            for (Prefix prefix : prefixes) { // only the family looked up: the other could not match
                IpAddress network = prefix.network();
                if (prefix.isIpv4() && ipv4()) {
                    ipv4Trie.add(new IPv4Address(network.ipv4Bits(), prefix.length()).toPrefixBlock());
                } else if (!prefix.isIpv4() && !ipv4()) {
                    ipv6Trie.add(new IPv6Address(network.high(), network.low(), prefix.length()).toPrefixBlock());
                }
            }
            for (int i = 0; i < POOL; i++) {
                if (ipv4()) {
                    ipv4Addresses[i] = new IPv4Address(addresses[i].ipv4Bits());
                } else {
                    ipv6Addresses[i] = new IPv6Address(addresses[i].high(), addresses[i].low());
                }
            }
        }
    }

    public static class PrefixTrieState extends Workload {
        PrefixTrie<Integer> trie = new PrefixTrie<>();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            load();
            for (int i = 0; i < prefixes.size(); i++) {
                trie.put(prefixes.get(i), i);
            }
        }
    }

    /** The new table, through its primitive entry points (what a byte-level parser calls). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int prefixTable(TableState state) {
        PrefixTable table = state.prefixTable;
        int from = state.nextBatch();
        int sum = 0;
        if (state.ipv4()) {
            int[] addresses = state.ipv4Bits;
            for (int i = from; i < from + BATCH; i++) {
                sum += table.longestMatchV4(addresses[i]);
            }
        } else {
            long[] high = state.high;
            long[] low = state.low;
            for (int i = from; i < from + BATCH; i++) {
                sum += table.longestMatchV6(high[i], low[i]);
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void ipAddressTrie(IPAddressState state, Blackhole blackhole) {
        int from = state.nextBatch();
        if (state.ipv4()) {
            for (int i = from; i < from + BATCH; i++) {
                blackhole.consume(state.ipv4Trie.longestPrefixMatchNode(state.ipv4Addresses[i]));
            }
        } else {
            for (int i = from; i < from + BATCH; i++) {
                blackhole.consume(state.ipv6Trie.longestPrefixMatchNode(state.ipv6Addresses[i]));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void prefixTrie(PrefixTrieState state, Blackhole blackhole) {
        IpAddress[] addresses = state.addresses;
        int from = state.nextBatch();
        for (int i = from; i < from + BATCH; i++) {
            blackhole.consume(state.trie.longestPrefixMatch(addresses[i]));
        }
    }
}
