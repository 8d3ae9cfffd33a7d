package org.peertel.store;

import org.peertel.registry.Connection;

/**
 * A connection as the registry of a day's run had it: who owned it, what it was called, where it was. Published with
 * the day into {@code day_connections}, so that reports over a range know the owner of each day's rows.
 *
 * @param state the USPS code for the US, else empty
 */
public record DayConnection(
        String connectionId, String customerId, String name, String partner, String country, String state) {

    /** The registry's connection as a day keeps it. */
    public static DayConnection of(Connection c) {
        return new DayConnection(c.connectionId(), c.customerId(), c.name(), c.partner(), c.country(), c.state());
    }
}
