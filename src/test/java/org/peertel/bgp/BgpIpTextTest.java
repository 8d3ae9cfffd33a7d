package org.peertel.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses as bgpdump writes them, which is not RFC 5952: a single zero group is shortened too. */
class BgpIpTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2001:7f8:30:0:2:1:0:8447, 2001:7f8:30::2:1:0:8447",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:ffff:c100:38, ::ffff:193.0.0.56",
        "0:0:0:0:0:0:c000:201, ::192.0.2.1",
        "2001:db8:0:0:0:0:0:0, 2001:db8::",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "fe80:0:0:0:0:0:0:1, fe80::1",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
        "2001:db8:ab:cd0:1000:0:0:0, 2001:db8:ab:cd0:1000::"
    })
    void writesIpv6(String groups, String expected) {
        String[] parts = groups.split(":");
        byte[] address = new byte[16];
        for (int i = 0; i < 8; i++) {
            int group = Integer.parseInt(parts[i], 16);
            address[2 * i] = (byte) (group >>> 8);
            address[2 * i + 1] = (byte) group;
        }
        assertEquals(expected, IpText.ipv6(address));
    }
}
