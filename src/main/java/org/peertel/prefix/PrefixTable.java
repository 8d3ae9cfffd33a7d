package org.peertel.prefix;

import java.util.List;

/**
 * An immutable longest-prefix-match table for lookups: built once from a list of prefixes of both families, then
 * read by any number of threads. A lookup answers the position in that list of the longest prefix containing the
 * address, or {@link #NO_MATCH}, so callers keep their values in plain arrays; it allocates nothing.
 *
 * <p>Same answers as a longest-match scan over every prefix (the tests hold it to one, and to a path-compressed
 * trie): IPv4 is the IPv4-mapped space {@code ::ffff:0:0/96}
 * (see {@link IpAddress}), so an IPv6 prefix that covers that whole space ({@code ::/0}, {@code ::/8},
 * {@code ::fffe:0:0/95}, ...) matches IPv4 addresses that no IPv4 prefix covers, and an IPv4-mapped key given to
 * {@link #longestMatchV6} is looked up as IPv4.
 *
 * <p>Structure: one {@link Poptrie} per family (a multibit trie of 6-bit strides compressed with population
 * counts, under a direct-pointing array of the first 18 bits for IPv4 and 16 for IPv6, 22 from 16,384 IPv6
 * prefixes on). On the 1.06 M-prefix full routing table it takes about 27 MB and builds in well under a second
 * (see BENCHMARKS.md, "Prefix lookups (JMH)"); a small table takes about 1.3 MB, nearly all of it the two direct
 * arrays. The builder's temporary arrays take about 40 bytes per prefix more while it runs.
 *
 * <p>The same prefix twice in the input is refused: the table could only keep one of the two positions, and which
 * one a caller meant is not for this class to guess.
 */
public final class PrefixTable {

    /** The answer of a lookup that no prefix covers. */
    public static final int NO_MATCH = Poptrie.NO_MATCH;

    static final int IPV4_DIRECT_BITS = 18;
    // IPv6 widths leave a multiple of the 6-bit stride to bit 64, so that no slot straddles the key's two longs.
    // 22 bits (a 16 MB array) save one node level per lookup, about a third faster on the full table, and pay off
    // only for large IPv6 tables.
    static final int IPV6_DIRECT_BITS = 16;
    static final int IPV6_DIRECT_BITS_LARGE = 22;
    static final int IPV6_LARGE_TABLE = 16_384;

    private final Prefix[] prefixes;
    private final Poptrie ipv4;
    private final Poptrie ipv6;

    private PrefixTable(Prefix[] prefixes, Poptrie ipv4, Poptrie ipv6) {
        this.prefixes = prefixes;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /**
     * Builds the table; lookups answer positions in {@code prefixes}.
     *
     * @throws IllegalArgumentException when a prefix appears twice, naming it and both positions
     * @throws NullPointerException     when the list or one of its prefixes is null
     */
    public static PrefixTable of(List<Prefix> prefixes) {
        long ipv6Count = prefixes.stream().filter(prefix -> !prefix.isIpv4()).count();
        return of(
                prefixes, IPV4_DIRECT_BITS, ipv6Count >= IPV6_LARGE_TABLE ? IPV6_DIRECT_BITS_LARGE : IPV6_DIRECT_BITS);
    }

    /**
     * {@link #of(List)} with other direct-pointing widths: IPv4 1..31, IPv6 4, 10, 16 or 22. Tests use small ones
     * to send small tables through the nodes.
     */
    static PrefixTable of(List<Prefix> prefixes, int ipv4DirectBits, int ipv6DirectBits) {
        Prefix[] all = prefixes.toArray(new Prefix[0]);
        int[][] families = PrefixOrder.sortedByFamily(all);
        int[] v4Order = families[0];
        int[] v6Order = families[1];
        refuseDuplicates(all, v4Order);
        refuseDuplicates(all, v6Order);
        Poptrie ipv4 = builder(all, v4Order).build(ipv4DirectBits, 32, ipv6CoverOfIpv4(all, v6Order));
        Poptrie ipv6 = builder(all, v6Order).build(ipv6DirectBits, 128, NO_MATCH);
        return new PrefixTable(all, ipv4, ipv6);
    }

    /** The position of the longest prefix containing {@code address}, or {@link #NO_MATCH}. */
    public int longestMatch(IpAddress address) {
        return longestMatchV6(address.high(), address.low());
    }

    /** The position of the longest prefix containing the IPv4 address {@code address}, or {@link #NO_MATCH}. */
    public int longestMatchV4(int address) {
        return ipv4.lookup(address);
    }

    /**
     * The position of the longest prefix containing the address with this 128-bit key (as {@link IpAddress} holds
     * it; an IPv4-mapped key is an IPv4 address), or {@link #NO_MATCH}.
     */
    public int longestMatchV6(long high, long low) {
        if (high == 0L && (low >>> 32) == 0xFFFFL) {
            return ipv4.lookup((int) low);
        }
        return ipv6.lookup(high, low);
    }

    /** The prefix at {@code index} of the list the table was built from. */
    public Prefix prefix(int index) {
        return prefixes[index];
    }

    /** The number of prefixes. */
    public int size() {
        return prefixes.length;
    }

    /** Bytes held by the lookup structures (not counting the {@link Prefix} objects kept for {@link #prefix}). */
    public long memoryBytes() {
        return ipv4.memoryBytes() + ipv6.memoryBytes();
    }

    /** Nodes and stored leaves per family, for the benchmark notes. */
    public String shape() {
        return "IPv4: " + ipv4.nodeCount() + " nodes, " + ipv4.leafCount() + " leaves; IPv6: " + ipv6.nodeCount()
                + " nodes, " + ipv6.leafCount() + " leaves";
    }

    private static void refuseDuplicates(Prefix[] all, int[] sorted) {
        for (int k = 1; k < sorted.length; k++) {
            if (all[sorted[k]].equals(all[sorted[k - 1]])) {
                throw new IllegalArgumentException("prefix " + all[sorted[k]] + " appears twice, at positions "
                        + sorted[k - 1] + " and " + sorted[k]);
            }
        }
    }

    /** The longest IPv6 prefix covering all of ::ffff:0:0/96: what IPv4 addresses match when no IPv4 prefix does. */
    private static int ipv6CoverOfIpv4(Prefix[] all, int[] v6Order) {
        IpAddress firstIpv4 = IpAddress.ofIpv4(0);
        int best = NO_MATCH;
        for (int position : v6Order) {
            Prefix prefix = all[position];
            if (prefix.keyLength() < 96
                    && prefix.contains(firstIpv4)
                    && (best == NO_MATCH || prefix.keyLength() > all[best].keyLength())) {
                best = position;
            }
        }
        return best;
    }

    private static PoptrieBuilder builder(Prefix[] all, int[] sorted) {
        int n = sorted.length;
        long[] high = new long[n];
        long[] low = new long[n];
        int[] length = new int[n];
        for (int k = 0; k < n; k++) {
            Prefix prefix = all[sorted[k]];
            if (prefix.isIpv4()) {
                high[k] = (long) prefix.network().ipv4Bits() << 32;
            } else {
                high[k] = prefix.network().high();
                low[k] = prefix.network().low();
            }
            length[k] = prefix.length();
        }
        return new PoptrieBuilder(high, low, length, sorted, n);
    }
}
