package org.peertel.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peertel.prefix.Prefix;

/**
 * Checks the prefixes across connections: the same prefix in two connections (allowed only for geo-redundant
 * sites of one customer) and prefixes nested inside other connections' prefixes. Both checks work on the prefixes
 * sorted once, so a registry of 100k connections costs O(n log n), not O(n²).
 */
final class PrefixConflictCheck {

    /** One prefix of one connection. */
    private record Entry(Prefix prefix, Connection connection) {
        int line() {
            return connection.line();
        }

        String id() {
            return connection.connectionId();
        }
    }

    /** The connections that list one and the same prefix, in file order, and their ids. */
    private record SamePrefix(Prefix prefix, List<Entry> entries, Set<String> connectionIds) {
    }

    private PrefixConflictCheck() {
    }

    /** Reports the conflicts among {@code connections}, whose connection ids must be unique. */
    static void check(List<Connection> connections, IssueList issues) {
        List<Entry> entries = new ArrayList<>();
        for (Connection connection : connections) {
            for (Prefix prefix : connection.prefixes()) {
                entries.add(new Entry(prefix, connection));
            }
        }
        // Prefix order puts a covering block right before the blocks inside it; line order within equal prefixes.
        entries.sort(Comparator.comparing(Entry::prefix).thenComparingInt(Entry::line));
        List<SamePrefix> groups = groupEqualPrefixes(entries);
        for (SamePrefix group : groups) {
            checkSharedPrefix(group, issues);
        }
        checkNesting(groups, issues);
    }

    private static List<SamePrefix> groupEqualPrefixes(List<Entry> sorted) {
        List<SamePrefix> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !sorted.get(i).prefix().equals(sorted.get(start).prefix())) {
                List<Entry> same = List.copyOf(sorted.subList(start, i));
                Set<String> ids = new HashSet<>();
                same.forEach(entry -> ids.add(entry.id()));
                groups.add(new SamePrefix(same.get(0).prefix(), same, ids));
                start = i;
            }
        }
        return groups;
    }

    /**
     * A prefix may be shared only by connections of the first connection's customer, each in its own location.
     * Each later connection that breaks this gets one error, on its own (the later) line, naming the earlier one.
     */
    private static void checkSharedPrefix(SamePrefix group, IssueList issues) {
        Entry first = group.entries().get(0);
        Map<Location, Entry> byLocation = new HashMap<>();
        byLocation.put(first.connection().location(), first);
        for (Entry entry : group.entries().subList(1, group.entries().size())) {
            Connection connection = entry.connection();
            String head = "prefix '" + group.prefix() + "' of connection '" + entry.id() + "' is also registered by "
                    + "connection '" + first.id() + "' (line " + first.line() + ")";
            if (!connection.customerId().equals(first.connection().customerId())) {
                issues.error(entry.line(), head + " of another customer ('" + first.connection().customerId()
                        + "', not '" + connection.customerId() + "'); only one customer's connections in different "
                        + "locations (geo-redundant sites) may share a prefix, so remove it from one of them");
                continue;
            }
            Entry sameLocation = byLocation.putIfAbsent(connection.location(), entry);
            if (sameLocation != null) {
                issues.error(entry.line(), "prefix '" + group.prefix() + "' of connection '" + entry.id()
                        + "' is also registered by connection '" + sameLocation.id() + "' (line "
                        + sameLocation.line() + ") in the same location " + connection.location() + "; clients "
                        + "there could not be told apart, so remove the prefix from one of them");
            }
        }
    }

    /**
     * Walks the sorted prefixes keeping the chain of enclosing prefixes on a stack: the top is the nearest
     * enclosing prefix. One warning per nested entry, on the later of the two lines.
     */
    private static void checkNesting(List<SamePrefix> groups, IssueList issues) {
        Deque<SamePrefix> enclosing = new ArrayDeque<>();
        for (SamePrefix group : groups) {
            while (!enclosing.isEmpty() && !enclosing.peek().prefix().covers(group.prefix())) {
                enclosing.pop();
            }
            if (!enclosing.isEmpty()) {
                SamePrefix outer = enclosing.peek();
                for (Entry inner : group.entries()) {
                    warnNested(inner, outer, issues);
                }
            }
            enclosing.push(group);
        }
    }

    private static void warnNested(Entry inner, SamePrefix outer, IssueList issues) {
        if (outer.connectionIds().contains(inner.id())) {
            issues.warning(inner.line(), "prefix '" + inner.prefix() + "' lies inside prefix '" + outer.prefix()
                    + "' of the same connection '" + inner.id() + "'; its clients are counted under the more "
                    + "specific prefix only, so drop it unless the split per-prefix statistics are wanted");
            return;
        }
        Entry other = outer.entries().get(0);
        issues.warning(Math.max(inner.line(), other.line()), "prefix '" + inner.prefix() + "' of connection '"
                + inner.id() + "' (line " + inner.line() + ") lies inside prefix '" + outer.prefix()
                + "' of connection '" + other.id() + "' (line " + other.line() + "); clients in '" + inner.prefix()
                + "' are attributed to '" + inner.id() + "' (longest-prefix match), check that this is intended");
    }
}
