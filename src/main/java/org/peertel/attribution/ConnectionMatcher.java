package org.peertel.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
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

    /** The connections that registered one prefix, with the answers for each of them. */
    private static final class Owners {
        final List<Connection> connections = new ArrayList<>(1);
        final List<Attribution> attributions = new ArrayList<>(1);
        final Attribution mismatch;

        Owners(String prefix, int prefixNo) {
            mismatch = new Attribution(Attribution.Outcome.LOCATION_MISMATCH, null, prefix, prefixNo, -1);
        }
    }

    private final PrefixTable table;
    private final Owners[] owners; // indexed by the table's answers
    private final List<String> prefixes = new ArrayList<>(); // text of each prefix number
    private final List<String> connectionIds = new ArrayList<>(); // id of each connection number

    public ConnectionMatcher(ConnectionRegistry registry) {
        Map<Prefix, Owners> byPrefix = new LinkedHashMap<>();
        for (Connection connection : registry.connections()) {
            int connectionNo = connectionIds.size();
            connectionIds.add(connection.connectionId());
            for (Prefix prefix : connection.prefixes()) {
                Owners owners = byPrefix.computeIfAbsent(prefix, p -> {
                    prefixes.add(p.toString());
                    return new Owners(p.toString(), prefixes.size() - 1);
                });
                owners.connections.add(connection);
                owners.attributions.add(new Attribution(Attribution.Outcome.ATTRIBUTED, connection,
                        owners.mismatch.prefix(), owners.mismatch.prefixNo(), connectionNo));
            }
        }
        table = PrefixTable.of(new ArrayList<>(byPrefix.keySet()));
        owners = byPrefix.values().toArray(new Owners[0]);
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
        Owners candidates = owners[prefixIndex];
        for (int i = 0; i < candidates.connections.size(); i++) {
            Connection owner = candidates.connections.get(i);
            if (owner.country().equals(country) && (!"US".equals(country) || owner.state().equals(state))) {
                return candidates.attributions.get(i);
            }
        }
        return candidates.mismatch;
    }
}
