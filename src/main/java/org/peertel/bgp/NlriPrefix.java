package org.peertel.bgp;

/**
 * One prefix of an NLRI, withdrawn-routes field or RIB record.
 *
 * @param ipv6 whether the prefix is of the IPv6 family (its address is printed in IPv6 text)
 * @param address the address bytes with the host bits cleared, 16 long (IPv4 uses the first 4)
 * @param length the prefix length in bits, as written in the record
 * @param pathId the ADD-PATH path identifier (RFC 7911), 0 without ADD-PATH
 */
public record NlriPrefix(boolean ipv6, byte[] address, int length, long pathId) {

    /** The prefix as bgpdump prints it, e.g. {@code 11.8.0.0/13} or {@code 2001:db8::/32}. */
    public String text() {
        return (ipv6 ? IpText.ipv6(address) : IpText.ipv4(address)) + "/" + length;
    }
}
