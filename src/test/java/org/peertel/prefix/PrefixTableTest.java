package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Named cases: a lookup is expected to name the prefix it hits ("-" for none). */
class PrefixTableTest {

    /** The cases of the mutable trie, with its puts and removes applied to a list first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.peertel.prefix.PrefixTrieTest#cases")
    void answersLikeThePrefixTrieCases(String name, String operations, String lookups) {
        Set<Prefix> prefixes = new LinkedHashSet<>();
        for (String operation : split(operations)) {
            String[] verbAndPrefix = operation.split(" ");
            Prefix prefix = Prefix.parse(verbAndPrefix[1]);
            if (verbAndPrefix[0].equals("put")) {
                prefixes.add(prefix);
            } else {
                prefixes.remove(prefix);
            }
        }
        assertLookups(new ArrayList<>(prefixes), lookups);
    }

    /** table (prefixes separated by ';'); expected lookups ("address=P" or "address=-"). */
    static Stream<Arguments> cases() {
        return Stream.of(
                // the first and last address of both families, and of the IPv4-mapped range
                Arguments.of(
                        "empty table",
                        "",
                        "0.0.0.0=-; 255.255.255.255=-; ::=-; ::ffff:0:0=-; ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff=-"),
                // /0 is the whole IPv4 space; the IPv6 addresses just below and above the IPv4-mapped range
                Arguments.of(
                        "IPv4 /0 alone",
                        "0.0.0.0/0",
                        "0.0.0.0=0.0.0.0/0; 255.255.255.255=0.0.0.0/0; ::fffe:ffff:ffff=-; ::1:0:0:0=-"),
                // IPv6 prefixes over or beside the IPv4-mapped range ::ffff:0:0/96, the last IPv4 address, and
                // IPv6 addresses at the ends of ::/8
                Arguments.of(
                        "IPv6 /8 over the IPv4-mapped space",
                        "::/8; 192.0.2.0/25",
                        "192.0.2.9=192.0.2.0/25; 192.0.2.128=::/8; 255.255.255.255=::/8; ff::1=::/8; 100::=-"),
                Arguments.of(
                        "the longest IPv6 cover of IPv4 wins",
                        "::/0; ::/80; ::fffe:0:0/95; ::/8",
                        "192.0.2.1=::fffe:0:0/95; ::fffe:0:1=::fffe:0:0/95; ::fffd:ffff:ffff=::/80; ::1:0:0:0=::/8;"
                                + " 2001:db8::=::/0"),
                Arguments.of(
                        "an IPv6 prefix beside the mapped space does not cover IPv4",
                        "::/96; ::fffe:0:0/96",
                        "192.0.2.1=-; ::192.0.2.1=::/96; ::fffe:192.0.2.1=::fffe:0:0/96"),
                // IPv4 prefixes of /17 to /19 sit in and just past the 18-bit direct array: documentation space has
                // no IPv4 block shorter than /24
                Arguments.of(
                        "nesting across the 18-bit split and the 6-bit strides",
                        "10.0.0.0/17; 10.0.0.0/18; 10.0.0.0/19; 10.0.0.0/24; 10.0.0.0/25; 10.0.0.128/30;"
                                + " 10.0.0.129/32; 10.0.64.0/18",
                        "10.0.0.129=10.0.0.129/32; 10.0.0.130=10.0.0.128/30; 10.0.0.132=10.0.0.0/24;"
                                + " 10.0.0.5=10.0.0.0/25; 10.0.1.0=10.0.0.0/19; 10.0.32.0=10.0.0.0/18;"
                                + " 10.0.64.0=10.0.64.0/18; 10.0.128.0=-; 9.255.255.255=-"),
                // every length from /0, so all but the longest prefixes are wider than documentation space
                Arguments.of(
                        "every IPv4 length on one path",
                        String.join("; ", everyLength("255.255.255.255", 32)),
                        "255.255.255.255=255.255.255.255/32; 255.255.255.254=255.255.255.254/31;"
                                + " 255.255.255.0=255.255.255.0/24; 255.0.0.0=255.0.0.0/8; 0.0.0.0=0.0.0.0/0"),
                // likewise from ::/0; ::1 is in ::/2 but not in 2000::/3
                Arguments.of(
                        "every IPv6 length on one path",
                        String.join("; ", everyLength("2001:db8::ffff", 128)),
                        "2001:db8::ffff=2001:db8::ffff/128; 2001:db8::fffe=2001:db8::fffe/127;"
                                + " 2001:db8::8000=2001:db8::8000/113; 2001:db8::=2001:db8::/112; ::1=::/2"),
                // the end of the key space
                Arguments.of(
                        "adjacent /128s at the end of the key space",
                        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128; ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128",
                        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff=ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128;"
                                + " ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"
                                + "=ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128;"
                                + " ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffd=-"),
                Arguments.of(
                        "an IPv6 prefix across the two 64-bit halves",
                        "2001:db8::/60; 2001:db8:0:0:8000::/65",
                        "2001:db8::8000:0:0:1=2001:db8:0:0:8000::/65; 2001:db8::7fff:0:0:0=2001:db8::/60;"
                                + " 2001:db8:0:10::=-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersLongestPrefixMatch(String name, String table, String lookups) {
        assertLookups(split(table).stream().map(Prefix::parse).toList(), lookups);
    }

    private static void assertLookups(List<Prefix> prefixes, String lookups) {
        // the production split, the one of large IPv6 tables, and narrow ones that put everything into the nodes
        for (PrefixTable table :
                List.of(PrefixTable.of(prefixes), PrefixTable.of(prefixes, 18, 22), PrefixTable.of(prefixes, 2, 4))) {
            for (String lookup : split(lookups)) {
                String[] addressAndExpected = lookup.split("=");
                IpAddress address = IpAddress.parse(addressAndExpected[0]);
                int index = table.longestMatch(address);
                String found = index == PrefixTable.NO_MATCH
                        ? "-"
                        : table.prefix(index).toString();
                assertEquals(addressAndExpected[1], found, lookup);
                assertEquals(index, table.longestMatchV6(address.high(), address.low()), lookup);
                if (address.isIpv4()) {
                    assertEquals(index, table.longestMatchV4(address.ipv4Bits()), lookup);
                }
            }
        }
    }

    @Test
    void answersPositionsInTheInputList() {
        // ::/0, the whole key space, covers the addresses of both families that the others miss
        List<Prefix> prefixes = Stream.of("2001:db8::/48", "192.0.2.0/24", "192.0.2.128/25", "::/0")
                .map(Prefix::parse)
                .toList();
        PrefixTable table = PrefixTable.of(prefixes);
        assertEquals(4, table.size());
        for (int i = 0; i < prefixes.size(); i++) {
            assertSame(prefixes.get(i), table.prefix(i));
        }
        assertEquals(2, table.longestMatch(IpAddress.parse("192.0.2.131")));
        assertEquals(1, table.longestMatchV4(0xC000_0205)); // 192.0.2.5
        assertEquals(0, table.longestMatchV6(0x2001_0db8_0000_0001L, 1L)); // 2001:db8:0:1::1
        assertEquals(3, table.longestMatchV6(0x2001_0db8_0001_0000L, 0L)); // 2001:db8:1::, just past the /48
        assertEquals(3, table.longestMatchV4(0xC633_6405), "::/0 covers 198.51.100.5, outside 192.0.2.0/24");
        assertEquals(1, table.longestMatchV6(0L, 0xFFFF_C000_0205L), "::ffff:192.0.2.5: an IPv4-mapped key is IPv4");
    }

    @Test
    void refusesTheSamePrefixTwiceNamingBothPositions() {
        // a prefix of each family, then the default route of each
        for (String text : List.of("192.0.2.0/24", "2001:db8::/48", "0.0.0.0/0", "::/0")) {
            List<Prefix> prefixes = Stream.of("203.0.113.0/24", text, "2001:db8::/32", text)
                    .map(Prefix::parse)
                    .toList();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrefixTable.of(prefixes));
            assertEquals("prefix " + Prefix.parse(text) + " appears twice, at positions 1 and 3", e.getMessage());
        }
        // the IPv4-mapped spelling is the same prefix
        List<Prefix> spellings = List.of(Prefix.parse("192.0.2.0/24"), Prefix.parse("::ffff:192.0.2.0/120"));
        assertThrows(IllegalArgumentException.class, () -> PrefixTable.of(spellings));
    }

    @Test
    void refusesNulls() {
        assertThrows(NullPointerException.class, () -> PrefixTable.of(null));
        assertThrows(
                NullPointerException.class, () -> PrefixTable.of(Arrays.asList(Prefix.parse("2001:db8::/32"), null)));
        assertThrows(NullPointerException.class, () -> PrefixTable.of(List.of()).longestMatch(null));
    }

    @Test
    void anEmptyOrSmallTableCostsTheTwoDirectArraysOnly() {
        long directArrays = 4L * ((1 << PrefixTable.IPV4_DIRECT_BITS) + (1 << PrefixTable.IPV6_DIRECT_BITS));
        assertEquals(directArrays, PrefixTable.of(List.of()).memoryBytes());
        assertEquals(0, PrefixTable.of(List.of()).size());
        // prefixes no longer than the direct bits (/18, /16), so wider than any documentation block
        PrefixTable small = PrefixTable.of(List.of(Prefix.parse("10.0.0.0/8"), Prefix.parse("2001::/16")));
        assertEquals(directArrays, small.memoryBytes(), "prefixes up to the direct bits need no node");
        PrefixTable deeper = PrefixTable.of(List.of(Prefix.parse("192.0.2.0/24"), Prefix.parse("2001:db8::/48")));
        assertTrue(deeper.memoryBytes() > directArrays);
        assertTrue(deeper.memoryBytes() < directArrays + 1024, deeper.shape());
    }

    @Test
    void aLargeIpv6TableGetsTheWiderDirectArray() {
        List<Prefix> prefixes = new ArrayList<>();
        for (int i = 0; i < PrefixTable.IPV6_LARGE_TABLE; i++) {
            prefixes.add(new Prefix(new IpAddress(0x2001_0db8_0000_0000L | (long) i << 16, 0L), 48));
        }
        long ipv4Direct = 4L << PrefixTable.IPV4_DIRECT_BITS;
        long wide = PrefixTable.of(prefixes).memoryBytes() - ipv4Direct;
        long narrow = PrefixTable.of(prefixes.subList(1, prefixes.size())).memoryBytes() - ipv4Direct;
        assertTrue(wide > 4L << PrefixTable.IPV6_DIRECT_BITS_LARGE, "16,384 IPv6 prefixes: " + wide + " bytes");
        assertTrue(narrow < 4L << PrefixTable.IPV6_DIRECT_BITS_LARGE, "16,383 IPv6 prefixes: " + narrow + " bytes");
        assertEquals(15, PrefixTable.of(prefixes).longestMatch(IpAddress.parse("2001:db8:f:0:1::")));
    }

    /** The prefixes of every length 0..max containing the address, as text. */
    private static List<String> everyLength(String address, int max) {
        List<String> prefixes = new ArrayList<>();
        for (int length = 0; length <= max; length++) {
            prefixes.add(
                    RandomPrefixes.prefixOf(IpAddress.parse(address), length).toString());
        }
        return prefixes;
    }

    private static List<String> split(String list) {
        return Stream.of(list.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
