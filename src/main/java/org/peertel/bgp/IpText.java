package org.peertel.bgp;

/**
 * Addresses in the text bgpdump prints. IPv4 is a dotted quad. IPv6 is bgpdump's own formatting, which differs from
 * RFC 5952 and from glibc's {@code inet_ntop}: lower-case hex, the first longest run of zero groups written as
 * {@code ::} even when it is a single group ({@code 2001:7f8:30::2:1:0:8447}), and the IPv4-mapped
 * ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code ::a.b.c.d}, not {@code ::} or {@code ::1}) addresses with a
 * dotted tail.
 */
final class IpText {

    private IpText() {}

    /** Four bytes as a dotted quad; only the first four of a longer array are read. */
    static String ipv4(byte[] address) {
        return ipv4(address, 0);
    }

    private static String ipv4(byte[] address, int start) {
        return (address[start] & 0xFF) + "." + (address[start + 1] & 0xFF) + "." + (address[start + 2] & 0xFF) + "."
                + (address[start + 3] & 0xFF);
    }

    /** Sixteen bytes as bgpdump writes an IPv6 address. */
    static String ipv6(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        boolean leadingZeros = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0;
        if (leadingZeros && groups[5] == 0xFFFF) {
            return "::ffff:" + ipv4(address, 12);
        }
        if (leadingZeros && groups[5] == 0 && (groups[6] != 0 || groups[7] > 1)) {
            return "::" + ipv4(address, 12);
        }
        int runStart = -1;
        int runLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > runLength) {
                runStart = start;
                runLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append(i == 0 ? "::" : ":");
                i += runLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i]));
            if (i != 7) {
                text.append(':');
            }
        }
        return text.toString();
    }
}
