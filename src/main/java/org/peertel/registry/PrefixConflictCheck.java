package org.peertel.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peertel.prefix.Prefix;
import org.peertel.prefix.PrefixOrder;

/**
 * Checks the prefixes across connections: the same prefix in two connections (allowed only for geo-redundant
 * sites of one customer) and prefixes nested inside other connections' prefixes. Both checks work on the prefixes
 * sorted once, so a registry of 100k connections costs O(n log n), not O(n²).
 *
 * <p>Every registered prefix is an entry: a position in two parallel arrays (the prefix, its connection), in line
 * order. Sorted by (prefix, line), entries with one and the same prefix form a group, a range of the sorted order;
 * a full routing table has a million of them, so they are kept as int ranges rather than objects.
 */
final class PrefixConflictCheck {

    private final Prefix[] prefixes;
    private final Connection[] owners;
    private final int[] sorted; // entry positions by (prefix, line)
    private final int[] groupStarts; // group g is sorted[groupStarts[g] .. groupStarts[g + 1])
    private final IssueList issues;

    private PrefixConflictCheck(List<Connection> connections, IssueList issues) {
        this.issues = issues;
        List<Connection> byLine = new ArrayList<>(connections);
        byLine.sort(Comparator.comparingInt(Connection::line));
        int count = 0;
        for (Connection connection : byLine) {
            count += connection.prefixes().size();
        }
        prefixes = new Prefix[count];
        owners = new Connection[count];
        int entry = 0;
        for (Connection connection : byLine) {
            for (Prefix prefix : connection.prefixes()) {
                prefixes[entry] = prefix;
                owners[entry++] = connection;
            }
        }
        // Prefix order puts a covering block right before the blocks inside it; line order within equal prefixes
        // (the sort is stable and the entries are in line order).
        sorted = PrefixOrder.sorted(prefixes);
        groupStarts = groupEqualPrefixes();
    }

    /** Reports the conflicts among {@code connections}, whose connection ids must be unique. */
    static void check(List<Connection> connections, IssueList issues) {
        PrefixConflictCheck check = new PrefixConflictCheck(connections, issues);
        for (int group = 0; group < check.groupCount(); group++) {
            check.checkSharedPrefix(group);
        }
        check.checkNesting();
    }

    private int[] groupEqualPrefixes() {
        int[] starts = new int[sorted.length + 1];
        int groups = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || !prefixes[sorted[i]].equals(prefixes[sorted[i - 1]])) {
                starts[groups++] = i;
            }
        }
        starts[groups] = sorted.length;
        return Arrays.copyOf(starts, groups + 1);
    }

    private int groupCount() {
        return groupStarts.length - 1;
    }

    private Prefix prefixOf(int group) {
        return prefixes[sorted[groupStarts[group]]];
    }

    /**
     * A prefix may be shared only by connections of the first connection's customer, each in its own location.
     * Each later connection that breaks this gets one error, on its own (the later) line, naming the earlier one.
     */
    private void checkSharedPrefix(int group) {
        int from = groupStarts[group];
        int to = groupStarts[group + 1];
        if (to - from < 2) {
            return;
        }
        Prefix prefix = prefixOf(group);
        Connection first = owners[sorted[from]];
        Map<Location, Connection> byLocation = new HashMap<>();
        byLocation.put(first.location(), first);
        for (int k = from + 1; k < to; k++) {
            Connection connection = owners[sorted[k]];
            String head = "prefix '" + prefix + "' of connection '" + connection.connectionId() + "' is also "
                    + "registered by connection '" + first.connectionId() + "' (line " + first.line() + ")";
            if (!connection.customerId().equals(first.customerId())) {
                issues.error(
                        connection.line(),
                        head + " of another customer ('" + first.customerId()
                                + "', not '" + connection.customerId()
                                + "'); only one customer's connections in different "
                                + "locations (geo-redundant sites) may share a prefix, so remove it from one of them");
                continue;
            }
            Connection sameLocation = byLocation.putIfAbsent(connection.location(), connection);
            if (sameLocation != null) {
                issues.error(
                        connection.line(),
                        "prefix '" + prefix + "' of connection '"
                                + connection.connectionId() + "' is also registered by connection '"
                                + sameLocation.connectionId() + "' (line " + sameLocation.line()
                                + ") in the same location "
                                + connection.location()
                                + "; clients there could not be told apart, so remove the prefix "
                                + "from one of them");
            }
        }
    }

    /**
     * Walks the sorted prefixes keeping the chain of enclosing prefixes on a stack: the top is the nearest
     * enclosing prefix. One warning per nested entry, on the later of the two lines.
     */
    private void checkNesting() {
        int[] enclosing = new int[Math.min(groupCount(), 129)]; // a chain of nested prefixes is at most 129 long
        int depth = 0;
        for (int group = 0; group < groupCount(); group++) {
            Prefix prefix = prefixOf(group);
            while (depth > 0 && !prefixOf(enclosing[depth - 1]).covers(prefix)) {
                depth--;
            }
            if (depth > 0) {
                int outer = enclosing[depth - 1];
                for (int k = groupStarts[group]; k < groupStarts[group + 1]; k++) {
                    warnNested(sorted[k], outer);
                }
            }
            enclosing[depth++] = group;
        }
    }

    private void warnNested(int inner, int outerGroup) {
        Prefix innerPrefix = prefixes[inner];
        Connection innerConnection = owners[inner];
        Prefix outerPrefix = prefixOf(outerGroup);
        if (registers(outerGroup, innerConnection.connectionId())) {
            issues.warning(
                    innerConnection.line(),
                    "prefix '" + innerPrefix + "' lies inside prefix '" + outerPrefix
                            + "' of the same connection '" + innerConnection.connectionId()
                            + "'; its clients are counted "
                            + "under the more specific prefix only, so drop it unless the split per-prefix statistics are "
                            + "wanted");
            return;
        }
        Connection other = owners[sorted[groupStarts[outerGroup]]];
        issues.warning(
                Math.max(innerConnection.line(), other.line()),
                "prefix '" + innerPrefix + "' of connection '"
                        + innerConnection.connectionId() + "' (line " + innerConnection.line()
                        + ") lies inside prefix '"
                        + outerPrefix + "' of connection '" + other.connectionId() + "' (line " + other.line()
                        + "); clients "
                        + "in '" + innerPrefix + "' are attributed to '" + innerConnection.connectionId()
                        + "' (longest-prefix "
                        + "match), check that this is intended");
    }

    /** Whether the connection {@code connectionId} is one of those that registered the group's prefix. */
    private boolean registers(int group, String connectionId) {
        for (int k = groupStarts[group]; k < groupStarts[group + 1]; k++) {
            if (owners[sorted[k]].connectionId().equals(connectionId)) {
                return true;
            }
        }
        return false;
    }
}
