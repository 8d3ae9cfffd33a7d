package org.peertel.bgp;

import java.util.List;

/**
 * A BGP4MP UPDATE message: classic withdrawals and announcements (IPv4) and the attributes, which carry the
 * MP_REACH/MP_UNREACH prefixes of the other families.
 *
 * @param local whether the collector sent the message (the *_LOCAL subtypes); the peer is then the destination
 * @param addPath whether prefixes carry ADD-PATH path ids (the *_ADDPATH subtypes, RFC 8050)
 * @param ipv6 whether the session's addresses are IPv6
 * @param peerAddress the peer's address (4 or 16 bytes)
 */
public record BgpUpdate(
        MrtRecord record,
        boolean local,
        boolean addPath,
        boolean ipv6,
        byte[] peerAddress,
        long peerAs,
        List<NlriPrefix> withdrawn,
        PathAttributes attributes,
        List<NlriPrefix> announced)
        implements MrtEntry {}
