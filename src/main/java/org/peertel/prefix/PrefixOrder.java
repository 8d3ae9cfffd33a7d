package org.peertel.prefix;

import java.util.Arrays;

/**
 * Sorts many prefixes into {@link Prefix#compareTo} order (by network address, shorter first among equal
 * addresses) without a comparator call per comparison: IPv4 prefixes, usually nearly all of a table, go through one
 * primitive sort of packed keys. The sorts are stable: equal prefixes keep the order of their positions. Used where
 * a whole registry is sorted at once (its checks, the matcher, {@link PrefixTable}), where a million-prefix table
 * would otherwise spend most of its build time comparing objects.
 */
public final class PrefixOrder {

    /** The most IPv4 positions one packed-key sort takes: the key keeps 26 bits for the position. */
    private static final int MAX_IPV4_PREFIXES = 1 << 26;

    private PrefixOrder() {}

    /** The positions of {@code prefixes} in sorted order; equal prefixes in position order. */
    public static int[] sorted(Prefix[] prefixes) {
        int[][] families = sortedByFamily(prefixes);
        return merge(prefixes, families[0], families[1]);
    }

    /** The positions of the IPv4 prefixes, sorted, then those of the IPv6 prefixes, sorted. */
    static int[][] sortedByFamily(Prefix[] prefixes) {
        int ipv4Count = 0;
        for (Prefix prefix : prefixes) {
            if (prefix.isIpv4()) {
                ipv4Count++;
            }
        }
        int[] ipv4 = new int[ipv4Count];
        int[] ipv6 = new int[prefixes.length - ipv4Count];
        for (int i = 0, v4 = 0, v6 = 0; i < prefixes.length; i++) {
            if (prefixes[i].isIpv4()) {
                ipv4[v4++] = i;
            } else {
                ipv6[v6++] = i;
            }
        }
        sortIpv4(prefixes, ipv4);
        return new int[][] {ipv4, sortIpv6(prefixes, ipv6)};
    }

    /**
     * Sorts {@code order}, positions of IPv4 prefixes in increasing order, by (prefix, position).
     *
     * @throws IllegalArgumentException with {@link #MAX_IPV4_PREFIXES} positions or more
     */
    private static void sortIpv4(Prefix[] all, int[] order) {
        if (order.length >= MAX_IPV4_PREFIXES) {
            throw new IllegalArgumentException("more than " + MAX_IPV4_PREFIXES + " IPv4 prefixes");
        }
        long[] keys = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            Prefix prefix = all[order[k]];
            int signedAddress = prefix.network().ipv4Bits() ^ Integer.MIN_VALUE; // signed order = unsigned order
            keys[k] = ((long) signedAddress << 32) | ((long) prefix.length() << 26) | k;
        }
        Arrays.sort(keys);
        int[] positions = order.clone();
        for (int k = 0; k < order.length; k++) {
            order[k] = positions[(int) (keys[k] & (MAX_IPV4_PREFIXES - 1))];
        }
    }

    /** {@code order}, positions of IPv6 prefixes, sorted stably by prefix. */
    private static int[] sortIpv6(Prefix[] all, int[] order) {
        return Arrays.stream(order)
                .boxed()
                .sorted((a, b) -> all[a].compareTo(all[b]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The two sorted runs as one; a prefix of one family never equals one of the other. */
    private static int[] merge(Prefix[] all, int[] a, int[] b) {
        int[] merged = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            merged[k++] = all[a[i]].compareTo(all[b[j]]) < 0 ? a[i++] : b[j++];
        }
        while (i < a.length) {
            merged[k++] = a[i++];
        }
        while (j < b.length) {
            merged[k++] = b[j++];
        }
        return merged;
    }
}
