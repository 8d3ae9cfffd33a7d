package org.peertel.bgp;

import java.util.List;

/** TABLE_DUMP_V2 PEER_INDEX_TABLE: the peers that the RIB records of the same file name by index. */
public record PeerIndexTable(MrtRecord record, String viewName, List<Peer> peers) implements MrtEntry {

    /** One peer: whether its address is IPv6, the address, its ASN and BGP identifier. */
    public record Peer(boolean ipv6, byte[] address, long as, byte[] bgpId) {}
}
