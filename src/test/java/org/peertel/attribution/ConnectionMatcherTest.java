package org.peertel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
import org.peertel.registry.Connection;
import org.peertel.registry.ConnectionRegistry;

/** The matcher's choices, through each of its entry points (the object one and the primitive ones must agree). */
class ConnectionMatcherTest {

    private static final ConnectionMatcher MATCHER = new ConnectionMatcher(ConnectionRegistry.of(List.of(
            connection("de-1", "DE", "", "192.0.2.0/24", "2001:db8::/32"),
            connection("de-2", "DE", "", "192.0.2.128/25"),
            // the same prefix at two locations (geo-redundant sites of one customer)
            connection("us-wa", "US", "WA", "198.51.100.0/24", "2001:db8:1::/48"),
            connection("us-or", "US", "OR", "198.51.100.0/24", "2001:db8:1::/48"),
            connection("fr-1", "FR", "", "203.0.113.7/32"))));

    /** client, country, state; expected: outcome, connection ("-" for none), prefix ("-" for none). */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "192.0.2.5, DE, '', attributed, de-1, 192.0.2.0/24",
                "192.0.2.200, DE, '', attributed, de-2, 192.0.2.128/25",
                "192.0.2.200, FR, '', location_mismatch, -, 192.0.2.128/25", // no fallback to the /24
                "::ffff:192.0.2.5, DE, '', attributed, de-1, 192.0.2.0/24",
                "2001:db8:ff::1, DE, '', attributed, de-1, 2001:db8::/32",
                "198.51.100.9, US, WA, attributed, us-wa, 198.51.100.0/24",
                "198.51.100.9, US, OR, attributed, us-or, 198.51.100.0/24",
                "198.51.100.9, US, CA, location_mismatch, -, 198.51.100.0/24",
                "2001:db8:1::9, US, OR, attributed, us-or, 2001:db8:1::/48",
                "2001:db8:1::9, DE, '', location_mismatch, -, 2001:db8:1::/48", // the /48 wins over de-1's /32
                "203.0.113.7, FR, '', attributed, fr-1, 203.0.113.7/32",
                "203.0.113.8, FR, '', no_prefix, -, -",
                "2001:db9::1, DE, '', no_prefix, -, -", // just past 2001:db8::/32, the widest prefix registered
                "::c000:205, DE, '', no_prefix, -, -"
            }) // IPv4-compatible IPv6 is not IPv4
    void choosesTheOwnerOfTheLongestPrefix(
            String client, String country, String state, String outcome, String connectionId, String prefix) {
        IpAddress address = IpAddress.parse(client);
        Attribution attribution = MATCHER.match(address, country, state);
        assertEquals(outcome, attribution.outcome().code());
        assertEquals(
                connectionId,
                attribution.connection() == null
                        ? null
                        : attribution.connection().connectionId());
        assertEquals(prefix, attribution.prefix());
        // the primitive entry points answer with the very same (pre-built) object
        assertSame(attribution, MATCHER.matchV6(address.high(), address.low(), country, state));
        if (address.isIpv4()) {
            assertSame(attribution, MATCHER.match(address.ipv4Bits(), country, state));
        }
        long numbers = MATCHER.matchNumbers(address.high(), address.low(), country, state);
        assertEquals(attribution.prefixNo(), ConnectionMatcher.prefixNo(numbers));
        assertEquals(attribution.connectionNo(), ConnectionMatcher.connectionNo(numbers));
    }

    /** Locations are compared as the strings are, even ones a checked registry never holds. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "de, '', odd-de",
                "DE, '', -",
                "US, '', odd-us",
                "US, x, odd-us-x",
                "US, X, -",
                "U, '', -",
                "XY, '', xy",
                "xy, '', -"
            })
    void locationsOutsideTheCodesAreComparedExactly(String country, String state, String connectionId) {
        ConnectionMatcher odd = new ConnectionMatcher(ConnectionRegistry.of(List.of(
                connection("odd-de", "de", "", "192.0.2.0/24"),
                connection("odd-us", "US", "", "192.0.2.0/24"),
                connection("odd-us-x", "US", "x", "192.0.2.0/24"),
                connection("xy", "XY", "ignored", "192.0.2.0/24"))));
        Attribution attribution = odd.match(IpAddress.parse("192.0.2.1"), country, state);
        assertEquals(
                connectionId,
                attribution.connection() == null
                        ? null
                        : attribution.connection().connectionId());
        assertEquals(
                connectionId == null ? -1 : attribution.connectionNo(),
                ConnectionMatcher.connectionNo(odd.matchNumbers(0L, IpAddress.ipv4Low(0xC000_0201), country, state)));
    }

    @Test
    void numbersConnectionsInRegistryOrderAndPrefixesByFirstRegistration() {
        // the registry orders connections by id: de-1, de-2, fr-1, us-or, us-wa; a shared prefix is numbered once
        assertEquals(List.of("de-1", "de-2", "fr-1", "us-or", "us-wa"), MATCHER.connectionIds());
        assertEquals(
                List.of(
                        "192.0.2.0/24",
                        "2001:db8::/32",
                        "192.0.2.128/25",
                        "203.0.113.7/32",
                        "198.51.100.0/24",
                        "2001:db8:1::/48"),
                MATCHER.prefixes());
        Attribution wa = MATCHER.match(IpAddress.parse("198.51.100.9"), "US", "WA");
        assertEquals(4, wa.prefixNo());
        assertEquals(4, wa.connectionNo());
        Attribution or = MATCHER.match(IpAddress.parse("2001:db8:1::9"), "US", "OR");
        assertEquals(5, or.prefixNo());
        assertEquals(3, or.connectionNo());
        assertEquals(
                5, MATCHER.match(IpAddress.parse("2001:db8:1::9"), "DE", "").prefixNo());
    }

    @Test
    void anEmptyRegistryMatchesNothing() {
        ConnectionMatcher empty = new ConnectionMatcher(ConnectionRegistry.of(List.of()));
        Attribution attribution = empty.match(IpAddress.parse("192.0.2.1"), "DE", "");
        assertSame(Attribution.NO_PREFIX, attribution);
        assertNull(attribution.prefix());
        assertSame(Attribution.NO_PREFIX, empty.match(0xC000_0201, "DE", ""));
        assertSame(Attribution.NO_PREFIX, empty.matchV6(0x2001_0db8_0000_0000L, 1L, "DE", ""));
        assertEquals(-1, ConnectionMatcher.prefixNo(empty.matchNumbers(0L, IpAddress.ipv4Low(0xC000_0201), "DE", "")));
    }

    private static Connection connection(String id, String country, String state, String... prefixes) {
        return new Connection(
                id,
                "acme",
                "Link " + id,
                "Partner",
                country,
                state,
                Stream.of(prefixes).map(Prefix::parse).toList(),
                2);
    }
}
