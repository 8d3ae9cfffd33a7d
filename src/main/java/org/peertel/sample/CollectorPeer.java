package org.peertel.sample;

/**
 * A BGP session of a generated route collector: the peer's IPv4 address and its AS number. Generated sessions are
 * IPv4 only; IPv6 routes travel over them in MP_REACH_NLRI, as at most collectors.
 *
 * @param ipv4 the peer's address, 32 bits
 * @param asn  its AS number (4 bytes)
 */
record CollectorPeer(int ipv4, long asn) {

    /** The peer's address as text, e.g. {@code 198.18.0.1}. */
    String address() {
        return (ipv4 >>> 24) + "." + (ipv4 >>> 16 & 0xFF) + "." + (ipv4 >>> 8 & 0xFF) + "." + (ipv4 & 0xFF);
    }
}
