package org.peertel.registry;

import java.util.List;
import java.util.Objects;
import org.peertel.prefix.Prefix;

/**
 * One row of the connections registry: a customer's peering connection and the prefixes it serves.
 *
 * @param connectionId unique id, a safe file name ({@link FileNameRule})
 * @param customerId   owning customer, same rule (it names the folder of the customer's reports)
 * @param name         human-readable connection name
 * @param partner      peering partner
 * @param country      ISO 3166-1 alpha-2 code, upper case
 * @param state        USPS code for the US, empty elsewhere
 * @param prefixes     the registered prefixes in file order, at least one, no duplicates
 * @param originAsns   the ASNs allowed to originate the prefixes ({@code origin_asns}), in file order without
 *                     repeats; empty when not given (the connection gets no origin-based prefix events)
 * @param line         the physical line of the registry file where the row starts (header = 1)
 */
public record Connection(
        String connectionId,
        String customerId,
        String name,
        String partner,
        String country,
        String state,
        List<Prefix> prefixes,
        List<Long> originAsns,
        int line) {

    /** A connection without allowed origins (a registry without {@code origin_asns}). */
    public Connection(
            String connectionId,
            String customerId,
            String name,
            String partner,
            String country,
            String state,
            List<Prefix> prefixes,
            int line) {
        this(connectionId, customerId, name, partner, country, state, prefixes, List.of(), line);
    }

    public Connection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(state, "state");
        prefixes = List.copyOf(prefixes);
        originAsns = List.copyOf(originAsns);
    }

    /** The connection's country and state. */
    public Location location() {
        return new Location(country, state);
    }
}
