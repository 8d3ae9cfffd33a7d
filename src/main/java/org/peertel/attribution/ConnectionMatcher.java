package org.peertel.attribution;

import java.util.ArrayList;
import java.util.List;

import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
import org.peertel.prefix.PrefixTrie;
import org.peertel.registry.Connection;
import org.peertel.registry.ConnectionRegistry;

/**
 * Finds the connection that owns a measurement: the longest registered prefix that covers the client address,
 * then, among the connections that registered exactly that prefix, the one at the measurement's location (same
 * country, and same state in the US). There is deliberately no fallback to a shorter prefix: a client inside a
 * more specific block belongs to whoever registered that block, even when its location is wrong.
 * Every possible answer is built when the matcher is, so matching a measurement allocates nothing.
 */
public final class ConnectionMatcher {

    /** The connections that registered one prefix, with the answers for each of them. */
    private static final class Owners {
        final List<Connection> connections = new ArrayList<>(1);
        final List<Attribution> attributions = new ArrayList<>(1);
        final Attribution mismatch;

        Owners(String prefix) {
            mismatch = new Attribution(Attribution.Outcome.LOCATION_MISMATCH, null, prefix);
        }
    }

    private final PrefixTrie<Owners> trie = new PrefixTrie<>();

    public ConnectionMatcher(ConnectionRegistry registry) {
        for (Connection connection : registry.connections()) {
            for (Prefix prefix : connection.prefixes()) {
                Owners owners = trie.get(prefix);
                if (owners == null) {
                    owners = new Owners(prefix.toString());
                    trie.put(prefix, owners);
                }
                owners.connections.add(connection);
                owners.attributions.add(new Attribution(Attribution.Outcome.ATTRIBUTED, connection,
                        owners.mismatch.prefix()));
            }
        }
    }

    /**
     * @param country upper-case ISO code of the measurement
     * @param state   upper-case state for US measurements, "" elsewhere
     */
    public Attribution match(IpAddress client, String country, String state) {
        PrefixTrie.Match<Owners> match = trie.longestPrefixMatch(client);
        if (match == null) {
            return Attribution.NO_PREFIX;
        }
        Owners owners = match.value();
        for (int i = 0; i < owners.connections.size(); i++) {
            Connection owner = owners.connections.get(i);
            if (owner.country().equals(country) && (!"US".equals(country) || owner.state().equals(state))) {
                return owners.attributions.get(i);
            }
        }
        return owners.mismatch;
    }
}
