package org.peertel.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.peertel.prefix.Prefix;
import org.peertel.registry.Connection;

/**
 * The registered prefixes and their watches, and which registered prefix an announced one belongs to: the most
 * specific registered prefix that covers it (longest-prefix match over the registry, as for latency). A
 * more-specific that another connection registered is that connection's, never a hijack of the covering prefix.
 */
public final class WatchedPrefixes {

    private final Map<Prefix, List<Watch>> watches = new HashMap<>();
    /** The lengths registered per family, longest first: the only widenings worth a lookup. */
    private final int[] ipv4Lengths;

    private final int[] ipv6Lengths;

    private WatchedPrefixes(List<Watch> all) {
        TreeSet<Integer> v4 = new TreeSet<>();
        TreeSet<Integer> v6 = new TreeSet<>();
        for (Watch watch : all) {
            watches.computeIfAbsent(watch.prefix(), p -> new ArrayList<>()).add(watch);
            (watch.prefix().isIpv4() ? v4 : v6).add(watch.prefix().length());
        }
        ipv4Lengths = v4.descendingSet().stream().mapToInt(Integer::intValue).toArray();
        ipv6Lengths = v6.descendingSet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** A watch per (connection, registered prefix), in registry order. */
    public static WatchedPrefixes of(List<Connection> connections) {
        List<Watch> all = new ArrayList<>();
        for (Connection c : connections) {
            for (Prefix prefix : c.prefixes()) {
                all.add(new Watch(c.customerId(), c.connectionId(), prefix, c.originAsns()));
            }
        }
        return new WatchedPrefixes(all);
    }

    /** For tests and adapters that have no registry file. */
    public static WatchedPrefixes ofWatches(List<Watch> all) {
        return new WatchedPrefixes(all);
    }

    /** The registered prefix that {@code announced} belongs to, or null when none covers it. */
    Prefix owner(Prefix announced) {
        for (int length : announced.isIpv4() ? ipv4Lengths : ipv6Lengths) {
            if (length <= announced.length()) {
                Prefix candidate = announced.widenedTo(length);
                if (watches.containsKey(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The watches of a registered prefix. */
    List<Watch> watchesOf(Prefix registered) {
        return watches.getOrDefault(registered, List.of());
    }

    /** Every registered prefix, in prefix order. */
    List<Prefix> registered() {
        return watches.keySet().stream().sorted().toList();
    }
}
