package org.peertel.bgp;

import java.util.List;

/**
 * A TABLE_DUMP_V2 RIB record: one prefix and the route each peer had for it.
 *
 * @param safi 1 unicast, 2 multicast
 * @param addPath whether the entries carry ADD-PATH path ids (the *_ADDPATH subtypes, RFC 8050)
 */
public record RibRecord(MrtRecord record, int safi, boolean addPath, NlriPrefix prefix, List<Entry> entries)
        implements MrtEntry {

    /** One peer's route: when it was learned, its ADD-PATH path id (0 without), its attributes. */
    public record Entry(PeerIndexTable.Peer peer, long originated, long pathId, PathAttributes attributes) {}
}
