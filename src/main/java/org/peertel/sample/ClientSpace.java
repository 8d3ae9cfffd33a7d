package org.peertel.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;

/**
 * Where the clients of one address family live: for every registration (a prefix of a connection) a range of
 * addresses inside the prefix that no more specific registered prefix covers, so a client drawn from it is
 * matched to exactly that prefix. A prefix wholly covered by more-specifics has no range and no clients of its
 * own (its more-specifics get them). Built once per run; a row costs a few array reads.
 *
 * <p>For a prefix shared by two connections (geo-redundant sites) each registration is an entry of its own, so
 * each site gets clients from it, each with its own location.
 */
final class ClientSpace {

    /** Offsets drawn inside a range are below this (ranges larger than it use their first 2^62 addresses). */
    private static final long MAX_SPAN = 1L << 62;

    private final long[] startHigh;
    private final long[] startLow;
    private final long[] span;
    private final int[] connection;

    private ClientSpace(int entries) {
        startHigh = new long[entries];
        startLow = new long[entries];
        span = new long[entries];
        connection = new int[entries];
    }

    /** One registration: a prefix and the connection (index) that registered it. */
    private record Registration(Prefix prefix, int connection) {}

    /**
     * A prefix being walked: {@code next} is the lowest address inside it not known to be covered by a child;
     * once {@code done}, its range is {@code next .. lastOfRange} (empty when next is past it).
     */
    private static final class Open {
        final Prefix prefix;
        long nextHigh;
        long nextLow;
        boolean nextOverflowed;
        IpAddress lastOfRange;
        boolean done;

        Open(Prefix prefix) {
            this.prefix = prefix;
            this.nextHigh = prefix.network().high();
            this.nextLow = prefix.network().low();
        }

        boolean hasRange() {
            return !nextOverflowed && compare(nextHigh, nextLow, lastOfRange) <= 0;
        }
    }

    /** The client ranges of every prefix of the family ({@code ipv4} or not) registered by {@code sites}. */
    static ClientSpace of(List<ScaleSite> sites, boolean ipv4) {
        List<Registration> registrations = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            for (Prefix prefix : sites.get(i).prefixes()) {
                if (prefix.isIpv4() == ipv4) {
                    registrations.add(new Registration(prefix, i));
                }
            }
        }
        registrations.sort(Comparator.comparing(Registration::prefix).thenComparingInt(Registration::connection));
        List<Prefix> distinct = new ArrayList<>();
        for (Registration r : registrations) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(r.prefix())) {
                distinct.add(r.prefix());
            }
        }
        long[][] ranges = uncoveredRanges(distinct); // per distinct prefix: startHigh, startLow, span (0 = none)
        int entries = 0;
        for (int d = 0, r = 0; d < distinct.size(); d++) {
            for (; r < registrations.size() && registrations.get(r).prefix().equals(distinct.get(d)); r++) {
                entries += ranges[2][d] > 0 ? 1 : 0;
            }
        }
        ClientSpace space = new ClientSpace(entries);
        int e = 0;
        for (int d = 0, r = 0; d < distinct.size(); d++) {
            for (; r < registrations.size() && registrations.get(r).prefix().equals(distinct.get(d)); r++) {
                if (ranges[2][d] > 0) {
                    space.startHigh[e] = ranges[0][d];
                    space.startLow[e] = ranges[1][d];
                    space.span[e] = ranges[2][d];
                    space.connection[e] = registrations.get(r).connection();
                    e++;
                }
            }
        }
        return space;
    }

    /** Number of registrations that have clients. */
    int size() {
        return connection.length;
    }

    /** The connection (index) of entry {@code entry}. */
    int connection(int entry) {
        return connection[entry];
    }

    /** The upper 64 bits of a random client of entry {@code entry}; call {@link #low} with the same offset. */
    long high(int entry, long offset) {
        long low = startLow[entry] + offset;
        return Long.compareUnsigned(low, startLow[entry]) < 0 ? startHigh[entry] + 1 : startHigh[entry];
    }

    long low(int entry, long offset) {
        return startLow[entry] + offset;
    }

    /** A random offset into the range of entry {@code entry}. */
    long offset(int entry, SplitMix64 random) {
        return (random.nextLong() >>> 2) % span[entry];
    }

    /**
     * For each of the sorted, distinct {@code prefixes}: the first run of addresses inside it outside every
     * more-specific prefix of the list. The prefixes are walked in order with the chain of enclosing prefixes on a
     * stack; each prefix's direct children arrive in address order, so the first gap before, between or after them
     * is found in one pass.
     */
    private static long[][] uncoveredRanges(List<Prefix> prefixes) {
        long[][] ranges = new long[3][prefixes.size()];
        Deque<Open> stack = new ArrayDeque<>();
        List<Open> open = new ArrayList<>(prefixes.size());
        for (Prefix prefix : prefixes) {
            while (!stack.isEmpty() && !stack.peek().prefix.covers(prefix)) {
                finish(stack.pop());
            }
            if (!stack.isEmpty()) {
                childSeen(stack.peek(), prefix);
            }
            Open current = new Open(prefix);
            stack.push(current);
            open.add(current);
        }
        while (!stack.isEmpty()) {
            finish(stack.pop());
        }
        for (int i = 0; i < open.size(); i++) {
            Open o = open.get(i);
            if (o.hasRange()) {
                ranges[0][i] = o.nextHigh;
                ranges[1][i] = o.nextLow;
                ranges[2][i] = span(o);
            }
        }
        return ranges;
    }

    /** A direct child of {@code parent}: a gap before it is the parent's range, else the range starts after it. */
    private static void childSeen(Open parent, Prefix child) {
        if (parent.done) {
            return;
        }
        IpAddress start = child.network();
        if (compare(parent.nextHigh, parent.nextLow, start) < 0) {
            parent.done = true; // the gap before this child
            parent.lastOfRange = start.low() != 0
                    ? new IpAddress(start.high(), start.low() - 1)
                    : new IpAddress(start.high() - 1, -1L);
            return;
        }
        IpAddress childLast = SyntheticPrefixes.lastAddress(child);
        parent.nextLow = childLast.low() + 1;
        parent.nextHigh = childLast.high() + (parent.nextLow == 0 ? 1 : 0);
        parent.nextOverflowed = childLast.high() == -1L && childLast.low() == -1L;
    }

    private static void finish(Open o) {
        if (!o.done) {
            o.done = true; // the gap after the last child (or the whole prefix when it has none)
            o.lastOfRange = SyntheticPrefixes.lastAddress(o.prefix);
        }
    }

    /** Addresses in the range of {@code o}, capped at {@link #MAX_SPAN}. */
    private static long span(Open o) {
        long low = o.lastOfRange.low() - o.nextLow;
        long high =
                o.lastOfRange.high() - o.nextHigh - (Long.compareUnsigned(o.lastOfRange.low(), o.nextLow) < 0 ? 1 : 0);
        return high != 0 || low < 0 || low >= MAX_SPAN - 1 ? MAX_SPAN : low + 1;
    }

    private static int compare(long high, long low, IpAddress address) {
        int c = Long.compareUnsigned(high, address.high());
        return c != 0 ? c : Long.compareUnsigned(low, address.low());
    }
}
