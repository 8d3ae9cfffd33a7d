package org.peertel.bgp;

/**
 * A BGP4MP STATE_CHANGE(_AS4): the peer's session went from one FSM state to another (1 Idle … 6 Established; 7 and
 * 8 are Quagga's Clearing and Deleted).
 *
 * @param ipv6 whether the session's addresses are IPv6
 * @param peerAddress the peer's address (4 or 16 bytes)
 */
public record BgpStateChange(
        MrtRecord record, boolean ipv6, byte[] peerAddress, long peerAs, int oldState, int newState)
        implements MrtEntry {}
