package org.peertel.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
import org.peertel.prefix.PrefixOrder;
import org.peertel.prefix.PrefixTable;
import org.peertel.registry.Connection;
import org.peertel.registry.ConnectionRegistry;

/**
 * Finds the connection that owns a measurement: the longest registered prefix that covers the client address,
 * then, among the connections that registered exactly that prefix, the one at the measurement's location (same
 * country, and same state in the US). There is deliberately no fallback to a shorter prefix: a client inside a
 * more specific block belongs to whoever registered that block, even when its location is wrong.
 * Every possible answer is built when the matcher is, so matching a measurement allocates nothing; the prefixes
 * are looked up in an immutable {@link PrefixTable}, so one matcher serves any number of threads.
 */
public final class ConnectionMatcher {

    private final PrefixTable table;
    // Indexed by prefix number (the table's answers): the owners of prefix p are entries ownerStart[p] ..
    // ownerStart[p + 1] of ownerConnections and ownerAttributions, in registry order.
    private final int[] ownerStart;
    private final Connection[] ownerConnections;
    private final Attribution[] ownerAttributions;
    private final Attribution[] mismatches;
    private final List<String> prefixes; // text of each prefix number
    private final List<String> connectionIds = new ArrayList<>(); // id of each connection number

    /**
     * Numbers the connections in registry order and the distinct prefixes in order of first registration. The
     * registrations are grouped by one sort rather than a hash map: with a million prefixes, the map's entries and
     * the per-prefix objects around them cost more than the trie.
     */
    public ConnectionMatcher(ConnectionRegistry registry) {
        List<Connection> connections = registry.connections();
        int count = 0;
        for (Connection connection : connections) {
            connectionIds.add(connection.connectionId());
            count += connection.prefixes().size();
        }
        Prefix[] registered = new Prefix[count]; // every registration, in registry order
        int[] connectionOf = new int[count];
        int position = 0;
        for (int connectionNo = 0; connectionNo < connections.size(); connectionNo++) {
            for (Prefix prefix : connections.get(connectionNo).prefixes()) {
                registered[position] = prefix;
                connectionOf[position++] = connectionNo;
            }
        }
        int[] sorted = PrefixOrder.sorted(registered); // equal prefixes together, each group in registry order
        int[] groupOfFirst = new int[count]; // the group whose first registration is at a position, else -1
        Arrays.fill(groupOfFirst, -1);
        int[] groupStart = new int[count + 1];
        int groups = 0;
        for (int k = 0; k < count; k++) {
            if (k == 0 || !registered[sorted[k]].equals(registered[sorted[k - 1]])) {
                groupOfFirst[sorted[k]] = groups;
                groupStart[groups++] = k;
            }
        }
        groupStart[groups] = count;

        ownerStart = new int[groups + 1];
        ownerConnections = new Connection[count];
        ownerAttributions = new Attribution[count];
        mismatches = new Attribution[groups];
        String[] texts = new String[groups];
        Prefix[] distinct = new Prefix[groups];
        int prefixNo = 0;
        int owner = 0;
        for (int first = 0; first < count; first++) {
            int group = groupOfFirst[first];
            if (group < 0) {
                continue;
            }
            distinct[prefixNo] = registered[first];
            texts[prefixNo] = registered[first].toString();
            mismatches[prefixNo] = new Attribution(Attribution.Outcome.LOCATION_MISMATCH, null, texts[prefixNo],
                    prefixNo, -1);
            ownerStart[prefixNo] = owner;
            for (int k = groupStart[group]; k < groupStart[group + 1]; k++) {
                int connectionNo = connectionOf[sorted[k]];
                ownerConnections[owner] = connections.get(connectionNo);
                ownerAttributions[owner++] = new Attribution(Attribution.Outcome.ATTRIBUTED,
                        connections.get(connectionNo), texts[prefixNo], prefixNo, connectionNo);
            }
            prefixNo++;
        }
        ownerStart[groups] = owner;
        prefixes = Arrays.asList(texts);
        table = PrefixTable.of(Arrays.asList(distinct));
    }

    /** The canonical text of every registered prefix, by {@link Attribution#prefixNo()}. */
    public List<String> prefixes() {
        return List.copyOf(prefixes);
    }

    /** The id of every connection, by {@link Attribution#connectionNo()} (the registry's order). */
    public List<String> connectionIds() {
        return List.copyOf(connectionIds);
    }

    /**
     * @param country upper-case ISO code of the measurement
     * @param state   upper-case state for US measurements, "" elsewhere
     */
    public Attribution match(IpAddress client, String country, String state) {
        return choose(table.longestMatch(client), country, state);
    }

    /** {@link #match(IpAddress, String, String)} for an IPv4 client given as its 32 bits (for byte-level parsers). */
    public Attribution match(int ipv4Client, String country, String state) {
        return choose(table.longestMatchV4(ipv4Client), country, state);
    }

    /**
     * {@link #match(IpAddress, String, String)} for a client given as its 128-bit key, as {@link IpAddress} holds
     * it (an IPv4-mapped key is an IPv4 client).
     */
    public Attribution matchV6(long clientHigh, long clientLow, String country, String state) {
        return choose(table.longestMatchV6(clientHigh, clientLow), country, state);
    }

    private Attribution choose(int prefixIndex, String country, String state) {
        if (prefixIndex == PrefixTable.NO_MATCH) {
            return Attribution.NO_PREFIX;
        }
        for (int i = ownerStart[prefixIndex]; i < ownerStart[prefixIndex + 1]; i++) {
            Connection owner = ownerConnections[i];
            if (owner.country().equals(country) && (!"US".equals(country) || owner.state().equals(state))) {
                return ownerAttributions[i];
            }
        }
        return mismatches[prefixIndex];
    }
}
