package org.peertel.attribution;

import java.util.ArrayList;
import java.util.List;

import org.peertel.prefix.IpAddress;
import org.peertel.prefix.PrefixTrie;
import org.peertel.registry.Connection;
import org.peertel.registry.ConnectionRegistry;

/**
 * Finds the connection that owns a measurement: the longest registered prefix that covers the client address,
 * then, among the connections that registered exactly that prefix, the one at the measurement's location (same
 * country, and same state in the US). There is deliberately no fallback to a shorter prefix: a client inside a
 * more specific block belongs to whoever registered that block, even when its location is wrong.
 */
public final class ConnectionMatcher {

    private final PrefixTrie<List<Connection>> trie = new PrefixTrie<>();

    public ConnectionMatcher(ConnectionRegistry registry) {
        for (Connection connection : registry.connections()) {
            for (var prefix : connection.prefixes()) {
                List<Connection> owners = trie.get(prefix);
                if (owners == null) {
                    owners = new ArrayList<>(1);
                    trie.put(prefix, owners);
                }
                owners.add(connection);
            }
        }
    }

    /**
     * @param country upper-case ISO code of the measurement
     * @param state   upper-case state for US measurements, "" elsewhere
     */
    public Attribution match(IpAddress client, String country, String state) {
        PrefixTrie.Match<List<Connection>> match = trie.longestPrefixMatch(client);
        if (match == null) {
            return Attribution.NO_PREFIX;
        }
        for (Connection owner : match.value()) {
            if (owner.country().equals(country) && (!"US".equals(country) || owner.state().equals(state))) {
                return new Attribution(Attribution.Outcome.ATTRIBUTED, owner, match.prefix());
            }
        }
        return new Attribution(Attribution.Outcome.LOCATION_MISMATCH, null, match.prefix());
    }
}
