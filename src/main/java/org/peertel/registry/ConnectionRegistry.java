package org.peertel.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The validated, immutable set of connections. Orders are by {@link String#compareTo} of the ids. */
public final class ConnectionRegistry {

    private final List<Connection> connections;
    private final Map<String, Connection> byId;
    private final SortedSet<String> customerIds;
    private final Map<String, List<Connection>> byCustomer;

    private ConnectionRegistry(List<Connection> sorted) {
        this.connections = List.copyOf(sorted);
        Map<String, Connection> ids = new HashMap<>();
        Map<String, List<Connection>> customers = new TreeMap<>();
        for (Connection connection : sorted) {
            if (ids.putIfAbsent(connection.connectionId(), connection) != null) {
                throw new IllegalArgumentException("duplicate connection_id '" + connection.connectionId() + "'");
            }
            customers
                    .computeIfAbsent(connection.customerId(), id -> new ArrayList<>())
                    .add(connection);
        }
        customers.replaceAll((id, list) -> List.copyOf(list));
        this.byId = Map.copyOf(ids);
        this.byCustomer = Collections.unmodifiableMap(customers);
        this.customerIds = Collections.unmodifiableSortedSet(new TreeSet<>(customers.keySet()));
    }

    /**
     * A registry of the given connections (any order). This does not re-run the file validation of
     * {@link RegistryLoader}; it only insists on unique connection ids.
     *
     * @throws IllegalArgumentException when two connections share a connection id
     */
    public static ConnectionRegistry of(Collection<Connection> connections) {
        List<Connection> sorted = new ArrayList<>(connections);
        sorted.sort(Comparator.comparing(Connection::connectionId));
        return new ConnectionRegistry(sorted);
    }

    /** Every connection, sorted by connection id. */
    public List<Connection> connections() {
        return connections;
    }

    /** The connection with this id, if registered. */
    public Optional<Connection> find(String connectionId) {
        return Optional.ofNullable(byId.get(connectionId));
    }

    /** The ids of every customer that has at least one connection, sorted. */
    public SortedSet<String> customerIds() {
        return customerIds;
    }

    /** The connections of one customer sorted by connection id; empty for an unknown customer. */
    public List<Connection> connectionsOf(String customerId) {
        return byCustomer.getOrDefault(customerId, List.of());
    }

    /** Number of connections. */
    public int size() {
        return connections.size();
    }

    @Override
    public String toString() {
        return "ConnectionRegistry[" + connections.size() + " connections, " + customerIds.size() + " customers]";
    }
}
