package org.peertel.bgp;

/** A BGP4MP OPEN, NOTIFICATION or KEEPALIVE message: read, not shown in the one-line form. */
public record BgpOtherMessage(MrtRecord record, int messageType) implements MrtEntry {}
