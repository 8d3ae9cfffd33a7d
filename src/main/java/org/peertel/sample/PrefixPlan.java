package org.peertel.sample;

import java.util.List;
import org.peertel.prefix.Prefix;

/**
 * The distinct prefixes a scale registry registers, per address family, before they are given to connections.
 *
 * @param ipv4  the IPv4 prefixes
 * @param ipv6  the IPv6 prefixes
 * @param table what was read from the prefix table, or null for generated prefixes
 */
record PrefixPlan(Family ipv4, Family ipv6, PrefixTableReport table) {

    /**
     * The prefixes of one family.
     *
     * @param bases        prefixes handed to connections in contiguous runs, in address order
     * @param nested       more-specifics placed inside a base prefix, registered by another connection than it
     * @param nestedParent for each nested prefix, the index in {@code bases} of the prefix it lies in
     */
    record Family(List<Prefix> bases, List<Prefix> nested, int[] nestedParent) {

        Family {
            bases = List.copyOf(bases);
            nested = List.copyOf(nested);
            if (nestedParent.length != nested.size()) {
                throw new IllegalArgumentException("one parent per nested prefix");
            }
        }

        static Family basesOnly(List<Prefix> bases) {
            return new Family(bases, List.of(), new int[0]);
        }

        int size() {
            return bases.size() + nested.size();
        }
    }

    int basePrefixes() {
        return ipv4.bases().size() + ipv6.bases().size();
    }
}
