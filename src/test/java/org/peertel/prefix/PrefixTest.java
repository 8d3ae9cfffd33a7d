package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixTest {

    // /0, /128 and ::ffff:0:0/96 are the ends of the key space and the IPv4-mapped range itself
    @ParameterizedTest(name = "{0} -> {1} (IPv4: {2}, key length {3})")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.0/24           | 192.0.2.0/24    | true  | 120
            0.0.0.0/0              | 0.0.0.0/0       | true  | 96
            192.0.2.1/32           | 192.0.2.1/32    | true  | 128
            ::ffff:192.0.2.0/120   | 192.0.2.0/24    | true  | 120
            ::ffff:0:0/96          | 0.0.0.0/0       | true  | 96
            ::ffff:192.0.2.1/128   | 192.0.2.1/32    | true  | 128
            ::/0                   | ::/0            | false | 0
            ::/128                 | ::/128          | false | 128
            2001:DB8::/32          | 2001:db8::/32   | false | 32
            2001:db8:0:0:1::/80    | 2001:db8:0:0:1::/80 | false | 80
            ::192.0.2.0/120        | ::c000:200/120  | false | 120
            2001:db8:8000::/33     | 2001:db8:8000::/33 | false | 33
            """)
    void parsesIntoCanonicalText(String text, String canonical, boolean ipv4, int keyLength) {
        Prefix prefix = Prefix.parse(text);
        assertEquals(canonical, prefix.toString());
        assertEquals(ipv4, prefix.isIpv4());
        assertEquals(keyLength, prefix.keyLength());
        assertEquals(prefix, Prefix.parse(canonical));
    }

    // below /96 an IPv4-mapped text names IPv6 space, and /0 is all of IPv4
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.1/24          | did you mean 192.0.2.0/24?
            203.0.113.77/26       | did you mean 203.0.113.64/26?
            192.0.2.1/0           | did you mean 0.0.0.0/0?
            192.0.2.128/24        | did you mean 192.0.2.0/24?
            2001:db8::1/32        | did you mean 2001:db8::/32?
            2001:db8:1::/40       | did you mean 2001:db8::/40?
            ::ffff:192.0.2.1/120  | did you mean 192.0.2.0/24?
            ::ffff:192.0.2.0/80   | did you mean ::/80?
            ::ffff:192.0.2.0/32   | did you mean ::/32?
            """)
    void namesTheNetworkMeantWhenHostBitsAreSet(String text, String suggestion) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Prefix.parse(text));
        assertTrue(error.getMessage().startsWith("'" + text + "' has host bits set"), error.getMessage());
        assertTrue(error.getMessage().endsWith(suggestion), error.getMessage());
    }

    // fe80::/10 is the link-local space where zone ids such as %eth0 appear
    @ParameterizedTest(name = "rejects \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            192.0.2.0        | has no prefix length
            192.0.2.0/       | bad prefix length
            192.0.2.0/33     | bad prefix length
            192.0.2.0/024    | bad prefix length
            192.0.2.0/-1     | bad prefix length
            192.0.2.0/+24    | bad prefix length
            "192.0.2.0/ 24"  | bad prefix length
            192.0.2.0/24/1   | bad prefix length
            192.0.2.0/２４    | bad prefix length
            192.0.2.0/1000   | bad prefix length
            2001:db8::/129   | bad prefix length
            ::ffff:192.0.2.0/129 | bad prefix length
            192.0.02.0/24    | does not start with an IPv4 or IPv6 address
            192.0.2/24       | does not start with an IPv4 or IPv6 address
            :::/0            | does not start with an IPv4 or IPv6 address
            fe80::%eth0/64   | does not start with an IPv4 or IPv6 address
            [2001:db8::]/32  | does not start with an IPv4 or IPv6 address
            /24              | does not start with an IPv4 or IPv6 address
            """)
    void rejectsMalformedPrefixes(String text, String reason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Prefix.parse(text));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
        assertNull(Prefix.parseOrNull(text));
    }

    @Test
    void constructorRefusesHostBitsAndBadLengths() {
        assertThrows(IllegalArgumentException.class, () -> new Prefix(IpAddress.parse("192.0.2.1"), 24));
        assertThrows(IllegalArgumentException.class, () -> new Prefix(IpAddress.parse("192.0.2.0"), 33));
        assertThrows(IllegalArgumentException.class, () -> new Prefix(IpAddress.parse("2001:db8::"), 129));
        assertThrows(IllegalArgumentException.class, () -> new Prefix(IpAddress.parse("2001:db8::"), -1));
    }

    @Test
    void containmentFollowsTheKeySpace() {
        Prefix v4 = Prefix.parse("192.0.2.0/25");
        assertTrue(v4.contains(IpAddress.parse("192.0.2.127")));
        assertTrue(v4.contains(IpAddress.parse("::ffff:192.0.2.7")));
        assertFalse(v4.contains(IpAddress.parse("192.0.2.128")));
        assertFalse(v4.contains(IpAddress.parse("::c000:207")), "IPv4-compatible ::192.0.2.7 is IPv6");
        // the default routes: IPv4's is ::ffff:0:0/96, IPv6's the whole key space
        assertFalse(Prefix.parse("0.0.0.0/0").contains(IpAddress.parse("2001:db8::1")));
        assertTrue(Prefix.parse("::/0").contains(IpAddress.parse("192.0.2.1")), "::/0 is the whole key space");
        assertTrue(Prefix.parse("::/0").covers(Prefix.parse("0.0.0.0/0")));
        assertTrue(Prefix.parse("192.0.2.0/24").covers(Prefix.parse("192.0.2.64/26")));
        assertFalse(Prefix.parse("192.0.2.64/26").covers(Prefix.parse("192.0.2.0/24")));
        assertTrue(Prefix.parse("192.0.2.64/26").overlaps(Prefix.parse("192.0.2.0/24")));
        assertFalse(Prefix.parse("192.0.2.0/25").overlaps(Prefix.parse("192.0.2.128/25")));
    }

    @Test
    void ordersByNetworkThenShorterFirst() {
        assertTrue(Prefix.parse("192.0.2.0/24").compareTo(Prefix.parse("192.0.2.0/26")) < 0);
        assertTrue(Prefix.parse("192.0.2.0/26").compareTo(Prefix.parse("192.0.2.64/26")) < 0);
        assertTrue(
                Prefix.parse("::/0").compareTo(Prefix.parse("0.0.0.0/0")) < 0); // default routes: :: before ::ffff:0:0
    }
}
