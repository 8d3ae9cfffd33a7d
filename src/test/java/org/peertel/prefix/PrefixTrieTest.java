package org.peertel.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Named cases. Each stored value is the prefix's own text, so a lookup is expected to name the prefix it hit. */
class PrefixTrieTest {

    /**
     * name; operations ("put P", "remove P", "remove-absent P", separated by ';'); expected lookups
     * ("address=P" or "address=-" for no match, separated by ';').
     */
    static Stream<Arguments> cases() {
        // IPv4 nesting inside 192.0.2.0/24: 192.0.2.128/26 holds 192.0.2.144/28, which holds 192.0.2.148/30; the
        // /26 neither starts nor ends the /24, so the addresses just outside it are documentation space too
        return Stream.of(
                // the first and last address of both families
                Arguments.of(
                        "empty table",
                        "",
                        "0.0.0.0=-; 255.255.255.255=-; ::=-; ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff=-"),
                Arguments.of(
                        "nested IPv4",
                        "put 192.0.2.128/26; put 192.0.2.144/28; put 192.0.2.148/30",
                        "192.0.2.149=192.0.2.148/30; 192.0.2.153=192.0.2.144/28; 192.0.2.160=192.0.2.128/26;"
                                + " 192.0.2.191=192.0.2.128/26; 192.0.2.192=-; 192.0.2.127=-"),
                Arguments.of(
                        "nested, inserted most specific first",
                        "put 192.0.2.148/30; put 192.0.2.144/28; put 192.0.2.128/26",
                        "192.0.2.149=192.0.2.148/30; 192.0.2.153=192.0.2.144/28; 192.0.2.160=192.0.2.128/26;"
                                + " 192.0.2.192=-"),
                Arguments.of(
                        "siblings without a parent",
                        "put 192.0.2.128/27; put 192.0.2.160/27",
                        "192.0.2.129=192.0.2.128/27; 192.0.2.180=192.0.2.160/27; 192.0.2.193=-; 192.0.2.65=-"),
                // /0 is the whole IPv4 space, so its probes are the ends of both families
                Arguments.of(
                        "IPv4 /0 covers IPv4 only",
                        "put 0.0.0.0/0",
                        "192.0.2.1=0.0.0.0/0; 255.255.255.255=0.0.0.0/0; ::ffff:192.0.2.1=0.0.0.0/0; 2001:db8::1=-;"
                                + " ::=-; ::192.0.2.1=-"),
                // ::/0 and its first address
                Arguments.of(
                        "IPv6 ::/0 is the whole key space, IPv4 included",
                        "put ::/0",
                        "2001:db8::1=::/0; ::=::/0; 192.0.2.1=::/0"),
                // the first IPv4 address and the IPv6 address just below the IPv4-mapped range
                Arguments.of(
                        "both default routes",
                        "put ::/0; put 0.0.0.0/0",
                        "2001:db8::1=::/0; 192.0.2.1=0.0.0.0/0; ::ffff:0:0=0.0.0.0/0; ::fffe:ffff:ffff=::/0"),
                Arguments.of(
                        "IPv4 /32 host route",
                        "put 192.0.2.1/32; put 192.0.2.0/25",
                        "192.0.2.1=192.0.2.1/32; 192.0.2.0=192.0.2.0/25; 192.0.2.2=192.0.2.0/25; 192.0.2.129=-"),
                Arguments.of(
                        "IPv6 /128 host route",
                        "put 2001:db8::1/128; put 2001:db8::/48",
                        "2001:db8::1=2001:db8::1/128; 2001:db8::=2001:db8::/48; 2001:db8::2=2001:db8::/48;"
                                + " 2001:db8:1::1=-"),
                // the last address of the key space and of IPv4
                Arguments.of(
                        "all-ones /128 and /32",
                        "put ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128;" + " put 255.255.255.255/32",
                        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff=ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128;"
                                + " ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe=-; 255.255.255.255=255.255.255.255/32;"
                                + " 255.255.255.254=-"),
                Arguments.of(
                        "unaligned lengths /26 /29 /37 /56 /125",
                        "put 198.51.100.0/26; put 203.0.113.0/29; put 2001:db8:c800::/37;"
                                + " put 2001:db8:aaaa:bb00::/56; put 2001:db8:aaaa::/125",
                        "198.51.100.63=198.51.100.0/26; 198.51.100.64=-; 203.0.113.7=203.0.113.0/29; 203.0.113.8=-;"
                                + " 2001:db8:cfff::1=2001:db8:c800::/37; 2001:db8:d000::=-;"
                                + " 2001:db8:aaaa:bbff::1=2001:db8:aaaa:bb00::/56;"
                                + " 2001:db8:aaaa::7=2001:db8:aaaa::/125; 2001:db8:aaaa::8=-"),
                // 64:ff9b::/96 (RFC 6052) is the other way of writing IPv4 inside IPv6
                Arguments.of(
                        "IPv4 and IPv4-compatible IPv6 stay apart",
                        "put 192.0.2.0/24; put ::c000:200/120",
                        "192.0.2.5=192.0.2.0/24; ::192.0.2.5=::c000:200/120; 64:ff9b::192.0.2.5=-"),
                Arguments.of(
                        "IPv4-mapped text is IPv4",
                        "put ::ffff:198.51.100.0/120; put 192.0.2.0/24",
                        "198.51.100.9=198.51.100.0/24; ::ffff:192.0.2.7=192.0.2.0/24; ::ffff:c633:6401=198.51.100.0/24"),
                // IPv6 prefixes over the IPv4-mapped range ::ffff:0:0/96, and IPv6 addresses inside and outside them
                Arguments.of(
                        "IPv6 prefix over the IPv4-mapped range",
                        "put ::ffff:0:0/96; put ::/80; put 192.0.2.128/26",
                        "192.0.2.129=192.0.2.128/26; 192.0.2.193=0.0.0.0/0; ::1=::/80; ::1:0:0:0=-"),
                Arguments.of(
                        "remove reveals the shorter prefix",
                        "put 192.0.2.128/26; put 192.0.2.144/28; put 192.0.2.148/30; remove 192.0.2.148/30",
                        "192.0.2.149=192.0.2.144/28; 192.0.2.164=192.0.2.128/26"),
                Arguments.of(
                        "remove the middle keeps both ends",
                        "put 192.0.2.128/26; put 192.0.2.144/28; put 192.0.2.148/30; remove 192.0.2.144/28",
                        "192.0.2.149=192.0.2.148/30; 192.0.2.152=192.0.2.128/26"),
                // a /8 and a /16 span many of the index's /20 blocks, and no IPv4 documentation block is that wide
                Arguments.of(
                        "remove everything leaves nothing",
                        "put 10.0.0.0/8; put 10.1.0.0/16; remove 10.1.0.0/16; remove 10.0.0.0/8",
                        "10.1.2.3=-; 10.0.0.0=-"),
                // the default routes of both families
                Arguments.of(
                        "remove the default route",
                        "put ::/0; put 0.0.0.0/0; remove ::/0; remove 0.0.0.0/0",
                        "192.0.2.1=-; 2001:db8::1=-"),
                Arguments.of(
                        "remove of absent prefixes changes nothing",
                        "put 192.0.2.128/26; put 192.0.2.148/30; remove-absent 192.0.2.144/28;"
                                + " remove-absent 192.0.2.148/31; remove-absent 192.0.2.128/25;"
                                + " remove-absent 192.0.2.192/26; remove-absent ::c000:280/122",
                        "192.0.2.149=192.0.2.148/30; 192.0.2.153=192.0.2.128/26"),
                // a /16 spans sixteen of the index's /20 blocks, and no IPv4 documentation block is that wide
                Arguments.of(
                        "insertion order does not matter (a)",
                        "put 136.20.0.0/16; put 136.20.201.62/32",
                        "136.20.54.139=136.20.0.0/16; 136.20.201.62=136.20.201.62/32"),
                Arguments.of(
                        "insertion order does not matter (b)",
                        "put 136.20.201.62/32; put 136.20.0.0/16",
                        "136.20.54.139=136.20.0.0/16; 136.20.201.62=136.20.201.62/32"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersLongestPrefixMatch(String name, String operations, String lookups) {
        // the same answers with and without the IPv4 block index
        for (PrefixTrie<String> trie : List.of(new PrefixTrie<String>(), new PrefixTrie<String>(0, 20))) {
            for (String operation : split(operations)) {
                String[] verbAndPrefix = operation.split(" ");
                Prefix prefix = Prefix.parse(verbAndPrefix[1]);
                switch (verbAndPrefix[0]) {
                    case "put" -> trie.put(prefix, prefix.toString());
                    case "remove" -> assertTrue(trie.remove(prefix), operation);
                    case "remove-absent" -> assertFalse(trie.remove(prefix), operation);
                    default -> throw new IllegalArgumentException(operation);
                }
            }
            for (String lookup : split(lookups)) {
                String[] addressAndExpected = lookup.split("=");
                PrefixTrie.Match<String> match = trie.longestPrefixMatch(IpAddress.parse(addressAndExpected[0]));
                String expected = addressAndExpected[1].equals("-") ? null : addressAndExpected[1];
                assertEquals(expected, match == null ? null : match.prefix().toString(), lookup);
                if (match != null) {
                    assertEquals(match.prefix().toString(), match.value(), "value stored with " + match.prefix());
                }
            }
        }
    }

    private static List<String> split(String list) {
        return Stream.of(list.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Test
    void exactKeyOperationsIgnoreCoveringPrefixes() {
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        trie.put(Prefix.parse("192.0.2.128/26"), 26);
        trie.put(Prefix.parse("192.0.2.148/30"), 30);
        assertEquals(26, trie.get(Prefix.parse("192.0.2.128/26")));
        assertEquals(30, trie.get(Prefix.parse("192.0.2.148/30")));
        assertNull(trie.get(Prefix.parse("192.0.2.144/28")), "covered by /26 but not stored");
        assertNull(trie.get(Prefix.parse("192.0.2.148/31")));
        assertNull(trie.get(Prefix.parse("0.0.0.0/0"))); // the default route: covers both, not stored
        assertNull(trie.get(Prefix.parse("::c000:280/122")), "IPv4-compatible IPv6 is another key");
        assertEquals(26, trie.get(Prefix.parse("::ffff:192.0.2.128/122")), "the IPv4-mapped spelling is the same key");
        assertEquals(2, trie.size());
    }

    @Test
    void putReplacesTheValueAndCountsEachPrefixOnce() {
        // a prefix of each family, then the default route of each (/0 is the whole space)
        for (String text : List.of("2001:db8::/32", "192.0.2.0/24", "0.0.0.0/0", "::/0")) {
            PrefixTrie<String> trie = new PrefixTrie<>(0, 20);
            Prefix prefix = Prefix.parse(text);
            trie.put(prefix, "first");
            trie.put(prefix, "second");
            assertEquals(1, trie.size());
            assertEquals("second", trie.get(prefix));
            assertEquals("second", trie.longestPrefixMatch(prefix.network()).value(), text);
        }
    }

    @Test
    void removeReportsWhetherThePrefixWasStored() {
        PrefixTrie<String> trie = new PrefixTrie<>();
        Prefix prefix = Prefix.parse("192.0.2.0/24");
        assertFalse(trie.remove(prefix));
        trie.put(prefix, "x");
        assertTrue(trie.remove(prefix));
        assertFalse(trie.remove(prefix));
        assertEquals(0, trie.size());
        assertNull(trie.get(prefix));
        assertEquals(1, trie.nodeCount(), "only the permanent root is left");
    }

    @Test
    void removesLeaveNoBranchingNodesBehind() {
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        List<Prefix> prefixes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            // 192.0.2.0/30, .4/31, .8/32, ... .252: i in the six bits above the /30 gives a full binary tree
            prefixes.add(new Prefix(IpAddress.ofIpv4(0xC000_0200 | i << 2), 30 + i % 3));
        }
        prefixes.forEach(p -> trie.put(p, 1));
        assertTrue(trie.nodeCount() < 2 * prefixes.size() + 1, "fewer than two nodes per prefix plus the root");
        prefixes.forEach(trie::remove);
        assertEquals(0, trie.size());
        assertEquals(1, trie.nodeCount());
    }

    @Test
    void forEachVisitsInAscendingPrefixOrder() {
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        // with the default routes and the IPv6 neighbours of the IPv4 keys (::1, ::/96), which sort before them
        List<String> texts = List.of(
                "2001:db8::/32",
                "192.0.2.128/25",
                "::/0",
                "192.0.2.0/24",
                "0.0.0.0/0",
                "192.0.2.0/25",
                "2001:db8::1/128",
                "198.51.100.0/24",
                "::1/128",
                "::/96");
        texts.forEach(t -> trie.put(Prefix.parse(t), 0));
        List<Prefix> visited = new ArrayList<>();
        trie.forEach((prefix, value) -> visited.add(prefix));
        assertEquals(texts.stream().map(Prefix::parse).sorted().toList(), visited);
    }

    @Test
    void lookupReturnsTheSameMatchObjectEachTime() {
        PrefixTrie<String> trie = new PrefixTrie<>();
        trie.put(Prefix.parse("192.0.2.0/24"), "doc");
        assertSame(
                trie.longestPrefixMatch(IpAddress.parse("192.0.2.1")),
                trie.longestPrefixMatch(IpAddress.parse("192.0.2.200")));
    }

    @Test
    void refusesNulls() {
        PrefixTrie<String> trie = new PrefixTrie<>();
        Prefix prefix = Prefix.parse("192.0.2.0/24");
        assertThrows(NullPointerException.class, () -> trie.put(null, "x"));
        assertThrows(NullPointerException.class, () -> trie.put(prefix, null));
        assertThrows(NullPointerException.class, () -> trie.get(null));
        assertThrows(NullPointerException.class, () -> trie.remove(null));
        assertThrows(NullPointerException.class, () -> trie.longestPrefixMatch(null));
        assertThrows(NullPointerException.class, () -> trie.forEach(null));
        assertEquals(0, trie.size());
    }
}
