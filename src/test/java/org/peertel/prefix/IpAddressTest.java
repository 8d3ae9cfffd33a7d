package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # the ends of both families and ::1
            0.0.0.0                                 | 0.0.0.0
            192.0.2.1                               | 192.0.2.1
            255.255.255.255                         | 255.255.255.255
            ::                                      | ::
            ::1                                     | ::1
            2001:db8::                              | 2001:db8::
            2001:DB8::1                             | 2001:db8::1
            2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
            2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
            2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1
            2001:db8::0:1:0:0:0                     | 2001:db8:0:0:1::
            # the longer of two zero runs, with a group after it: 2 + 3 + 1 groups leave no room for 2001:db8
            2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1
            2001:db8:3:4:5:6:7::                    | 2001:db8:3:4:5:6:7:0
            # a lone leading zero group, which no address in 2001:db8::/32 has
            ::2:3:4:5:6:7:8                         | 0:2:3:4:5:6:7:8
            # the last address of the key space
            ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
            2001:db8::abcd:0:0                      | 2001:db8::abcd:0:0
            ::ffff:192.0.2.1                        | 192.0.2.1
            ::FFFF:c000:0201                        | 192.0.2.1
            0:0:0:0:0:ffff:192.0.2.1                | 192.0.2.1
            ::192.0.2.1                             | ::c000:201
            # 64:ff9b::/96 (RFC 6052) is the other way of writing IPv4 inside IPv6
            64:ff9b::192.0.2.33                     | 64:ff9b::c000:221
            2001:db8:3:4:5:6:192.0.2.1              | 2001:db8:3:4:5:6:c000:201
            2001:db8:3:4:5::192.0.2.1               | 2001:db8:3:4:5:0:c000:201
            """)
    void parsesAndFormatsCanonically(String text, String canonical) {
        IpAddress address = IpAddress.parse(text);
        assertEquals(canonical, address.toString());
        assertEquals(address, IpAddress.parse(canonical), "canonical text parses back to the same address");
    }

    // malformed text: the short digits stand for no address space, they only carry each syntax error
    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(
            strings = {
                "",
                " ",
                "1.2.3",
                "1.2.3.4.5",
                "1.2.3.",
                ".1.2.3",
                "1..2.3",
                "256.1.1.1",
                "1.2.3.256",
                "01.2.3.4",
                "1.2.3.04",
                "00.0.0.0",
                "1.2.3.4 ",
                " 1.2.3.4",
                "1.2.3.-4",
                "+1.2.3.4",
                "0x1.2.3.4",
                "1.2.3.4/32",
                "١.٢.٣.٤",
                "1.2.3.４",
                "１.2.3.4",
                ":",
                ":::",
                "1:::2",
                "::1::",
                "1::2::3",
                ":1::",
                "1::2:",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7:8::",
                "::1:2:3:4:5:6:7:8",
                "12345::",
                "g::1",
                "::ffff:1.2.3",
                "::ffff:01.2.3.4",
                "::1.2.3.4:5",
                "1:2:3:4:5:6:7:1.2.3.4",
                "::ffff:1.2.3.4.5",
                "fe80::1%eth0",
                "fe80::1%1",
                "[::1]",
                "::١",
                "2001:db8::１",
                " ::1",
                "::1 ",
                "1.2.3.4::"
            })
    void rejectsMalformedText(String text) {
        assertNull(IpAddress.parseOrNull(text));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
        assertTrue(error.getMessage().contains("'" + text + "'"), error.getMessage());
    }

    @Test
    void nullIsNotAnAddress() {
        assertNull(IpAddress.parseOrNull(null));
    }

    @Test
    void ipv4IsHeldIpv4Mapped() {
        IpAddress v4 = IpAddress.parse("192.0.2.1");
        assertEquals(new IpAddress(0L, 0x0000_FFFF_C000_0201L), v4);
        assertTrue(v4.isIpv4());
        assertEquals(0xC000_0201, v4.ipv4Bits());
        assertEquals(v4, IpAddress.ofIpv4(0xC000_0201));
        assertFalse(IpAddress.parse("::c000:201").isIpv4(), "IPv4-compatible is not IPv4-mapped");
        assertFalse(IpAddress.parse("2001:db8::ffff:c000:201").isIpv4());
    }

    @Test
    void bitsCountFromTheMostSignificant() {
        // the top bit of the key and of IPv4
        IpAddress address = IpAddress.parse("8000::1");
        assertEquals(1, address.bit(0));
        assertEquals(0, address.bit(1));
        assertEquals(0, address.bit(126));
        assertEquals(1, address.bit(127));
        assertEquals(1, IpAddress.parse("128.0.0.0").bit(96));
    }

    @Test
    void ordersAsUnsigned128BitNumbers() {
        // either side of the top bit, of the key and of IPv4
        assertTrue(IpAddress.parse("::1").compareTo(IpAddress.parse("8000::")) < 0);
        assertTrue(IpAddress.parse("0.0.0.1").compareTo(IpAddress.parse("255.0.0.0")) < 0);
        assertTrue(IpAddress.parse("255.255.255.255").compareTo(IpAddress.parse("2001:db8::")) < 0);
        assertEquals(0, IpAddress.parse("::ffff:192.0.2.1").compareTo(IpAddress.parse("192.0.2.1")));
    }
}
