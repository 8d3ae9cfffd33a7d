package org.peertel.routing;

/** A BGP session of a route collector: the peer's address (as text) and AS number. */
public record Peer(String address, long asn) {}
