package org.peertel.bgp;

import java.util.List;

/**
 * The announcements of one MP_REACH_NLRI attribute (RFC 4760), or the abbreviated form TABLE_DUMP_V2 RIB entries
 * carry (RFC 6396 section 4.3.4: only the next hop's length and address, no prefixes).
 *
 * @param afi the address family (1 IPv4, 2 IPv6)
 * @param safi the subsequent address family (1 unicast, 2 multicast, 3 both)
 * @param nextHopLength the next hop's length in bytes as written: 4, 16, 32 (global and link-local) or other
 * @param nextHop the next hop's address bytes (4 or 16; the global address of a 32-byte next hop); empty when its
 *     length is none of 4, 16 and 32
 * @param prefixes the announced prefixes
 */
public record MpReach(int afi, int safi, int nextHopLength, byte[] nextHop, List<NlriPrefix> prefixes) {

    /** The next hop as bgpdump prints it, or null when its length is none of 4, 16 and 32. */
    public String nextHopText() {
        return switch (nextHopLength) {
            case 4 -> IpText.ipv4(nextHop);
            case 16, 32 -> IpText.ipv6(nextHop);
            default -> null;
        };
    }
}
