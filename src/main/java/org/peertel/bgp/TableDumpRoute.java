package org.peertel.bgp;

/**
 * One route of a TABLE_DUMP (version 1) RIB dump: a prefix as one peer had it.
 *
 * @param ipv6 whether the prefix and peer address are IPv6
 * @param originated when the route was learned (seconds since 1970)
 */
public record TableDumpRoute(
        MrtRecord record,
        boolean ipv6,
        NlriPrefix prefix,
        byte[] peerAddress,
        long peerAs,
        long originated,
        PathAttributes attributes)
        implements MrtEntry {}
