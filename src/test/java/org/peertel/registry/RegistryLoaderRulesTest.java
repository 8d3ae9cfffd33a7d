package org.peertel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.registry.RegistryCsv.HEADER;
import static org.peertel.registry.RegistryCsv.row;
import static org.peertel.registry.RegistryIssue.Severity.ERROR;
import static org.peertel.registry.RegistryIssue.Severity.WARNING;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.registry.RegistryIssue.Severity;

/** One case per registry rule: a small file that breaks it, and the one issue that must come out. */
class RegistryLoaderRulesTest {

    /**
     * @param description what the case shows
     * @param csv         the whole file
     * @param severity    the expected issue's severity; it must be the only issue of that severity
     * @param line        the line it must be reported on
     * @param fragment    text its message must contain
     */
    record Case(String description, String csv, Severity severity, int line, String fragment) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final String GOOD = row("C1", "192.0.2.0/24");

    static Stream<Case> cases() {
        return Stream.of(
                error(
                        "duplicate connection_id is reported on the later row",
                        GOOD + row("C1", "198.51.100.0/24"),
                        3,
                        "connection_id 'C1' is already used on line 2"),
                error("empty connection_id", row("", "192.0.2.0/24"), 2, "connection_id is empty"),
                error(
                        "connection_id longer than 64 characters",
                        row("x".repeat(65), "192.0.2.0/24"),
                        2,
                        "is 65 characters long; use 1-64 characters of A-Z a-z 0-9 . _ -"),
                error(
                        "connection_id with a character outside the alphabet",
                        row("C/1", "192.0.2.0/24"),
                        2,
                        "connection_id 'C/1' contains '/'"),
                error(
                        "connection_id '..' is not a usable file name",
                        row("..", "192.0.2.0/24"),
                        2,
                        "connection_id '..' starts with '.' (it names a folder, not a file)"),
                error("empty customer_id", row("C1", "", "DE", "", "192.0.2.0/24"), 2, "customer_id is empty"),
                error(
                        "customer_id with a space",
                        row("C1", "acme corp", "DE", "", "192.0.2.0/24"),
                        2,
                        "customer_id 'acme corp' contains ' '"),
                error("empty name", "C1,acme,,Partner,DE,,192.0.2.0/24\n", 2, "name is empty"),
                error("blank name (spaces only)", "C1,acme,   ,Partner,DE,,192.0.2.0/24\n", 2, "name is empty"),
                error("empty partner", "C1,acme,Link,,DE,,192.0.2.0/24\n", 2, "partner is empty"),
                error("empty country", row("C1", "acme", "", "", "192.0.2.0/24"), 2, "country is empty"),
                error(
                        "unknown country code",
                        row("C1", "acme", "XX", "", "192.0.2.0/24"),
                        2,
                        "country 'XX' is not an ISO 3166-1 alpha-2 code"),
                error(
                        "three-letter country code",
                        row("C1", "acme", "USA", "VA", "192.0.2.0/24"),
                        2,
                        "country 'USA' is not an ISO 3166-1 alpha-2 code"),
                error(
                        "lower-case country suggests upper case",
                        row("C1", "acme", "de", "", "192.0.2.0/24"),
                        2,
                        "country 'de' must be upper case; use 'DE'"),
                error("US without state", row("C1", "acme", "US", "", "192.0.2.0/24"), 2, "state is empty"),
                error(
                        "US with an unknown state",
                        row("C1", "acme", "US", "ZZ", "192.0.2.0/24"),
                        2,
                        "state 'ZZ' is not a USPS code"),
                error(
                        "US with a full state name",
                        row("C1", "acme", "US", "Virginia", "192.0.2.0/24"),
                        2,
                        "state 'Virginia' is not a USPS code"),
                error(
                        "lower-case US state suggests upper case",
                        row("C1", "acme", "US", "va", "192.0.2.0/24"),
                        2,
                        "state 'va' must be upper case; use 'VA'"),
                error(
                        "state outside the US",
                        row("C1", "acme", "DE", "BY", "192.0.2.0/24"),
                        2,
                        "state 'BY' is given for country 'DE'; leave state empty outside the US"),
                error("empty prefixes", row("C1", ""), 2, "prefixes is empty"),
                error("prefixes of separators only", row("C1", " ; ;"), 2, "prefixes is empty"),
                error("prefix without length", row("C1", "192.0.2.0"), 2, "'192.0.2.0' has no prefix length"),
                error(
                        "IPv4 prefix length above 32",
                        row("C1", "192.0.2.0/33"),
                        2,
                        "'192.0.2.0/33' has a bad prefix length (expected 0..32)"),
                error(
                        "prefix that is no address",
                        row("C1", "example.com/24"),
                        2,
                        "'example.com/24' does not start with an IPv4 or IPv6 address"),
                error(
                        "IPv4 prefix with host bits names the network meant",
                        row("C1", "192.0.2.1/24"),
                        2,
                        "'192.0.2.1/24' has host bits set; did you mean 192.0.2.0/24?"),
                error(
                        "IPv6 prefix with host bits names the network meant",
                        row("C1", "2001:db8::1/32"),
                        2,
                        "did you mean 2001:db8::/32?"),
                error(
                        "one bad prefix among good ones",
                        row("C1", "192.0.2.0/24 198.51.100.7/24"),
                        2,
                        "did you mean 198.51.100.0/24?"),
                error(
                        "private 10/8",
                        row("C1", "10.1.0.0/16"),
                        2,
                        "prefix '10.1.0.0/16' is private address space (RFC 1918, 10.0.0.0/8); register the "
                                + "public prefix the connection uses"),
                error("private 172.16/12", row("C1", "172.20.0.0/16"), 2, "is private address space"),
                error("private 192.168/16", row("C1", "192.168.1.0/24"), 2, "is private address space"),
                error("IPv4 loopback", row("C1", "127.0.0.0/8"), 2, "is loopback address space (RFC 1122"),
                error("IPv6 loopback", row("C1", "::1/128"), 2, "is loopback address space (RFC 4291"),
                error("IPv4 link-local", row("C1", "169.254.0.0/16"), 2, "is link-local address space"),
                error("IPv6 link-local", row("C1", "fe80::/64"), 2, "is link-local address space"),
                error("IPv4 multicast", row("C1", "239.1.0.0/16"), 2, "is multicast address space"),
                error("IPv6 multicast", row("C1", "ff02::/16"), 2, "is multicast address space"),
                error("IPv4 this-network", row("C1", "0.0.0.0/8"), 2, "is unspecified ('this network') address"),
                error("IPv6 unspecified", row("C1", "::/128"), 2, "is unspecified address space"),
                error(
                        "shared address space",
                        row("C1", "100.100.0.0/16"),
                        2,
                        "is shared address space (RFC 6598, 100.64.0.0/10)"),
                error(
                        "unique-local",
                        row("C1", "fd12:3456::/32"),
                        2,
                        "is unique-local address space (RFC 4193, fc00::/7)"),
                error("reserved 240/4", row("C1", "250.0.0.0/8"), 2, "is reserved address space (RFC 1112"),
                error("limited broadcast", row("C1", "255.255.255.255/32"), 2, "is limited broadcast address"),
                error(
                        "IPv4-mapped IPv6 form of a private prefix",
                        row("C1", "::ffff:10.0.0.0/104"),
                        2,
                        "is private address space"),
                error(
                        "prefix that contains private space",
                        row("C1", "8.0.0.0/6"),
                        2,
                        "prefix '8.0.0.0/6' includes private address space 10.0.0.0/8 (RFC 1918); register only"),
                error(
                        "default route contains all IPv4 special space",
                        row("C1", "0.0.0.0/0"),
                        2,
                        "includes unspecified ('this network') address space 0.0.0.0/8 (RFC 1122) and 9 more"),
                error(
                        "same prefix twice in one connection",
                        row("C1", "192.0.2.0/24;192.0.2.0/24"),
                        2,
                        "prefix '192.0.2.0/24' is listed twice in this connection; remove the duplicate"),
                error(
                        "same prefix twice, once in IPv4-mapped form",
                        row("C1", "192.0.2.0/24 ::ffff:192.0.2.0/120"),
                        2,
                        "listed twice (as '192.0.2.0/24' and '::ffff:192.0.2.0/120')"),
                error(
                        "same prefix in connections of two customers",
                        GOOD + row("C2", "globex", "FR", "", "192.0.2.0/24"),
                        3,
                        "prefix '192.0.2.0/24' of connection 'C2' is also registered by connection 'C1' (line 2) "
                                + "of another customer"),
                error(
                        "same prefix, same customer, same US state",
                        row("C1", "acme", "US", "VA", "192.0.2.0/24") + row("C2", "acme", "US", "VA", "192.0.2.0/24"),
                        3,
                        "is also registered by connection 'C1' (line 2) in the same location US/VA"),
                error(
                        "same prefix, same customer, same country",
                        GOOD + row("C2", "192.0.2.0/24"),
                        3,
                        "in the same location DE"),
                error(
                        "row with too few fields",
                        GOOD + "C2,acme,Link,Partner,DE,\n",
                        3,
                        "the row has 6 fields but the header has 7"),
                error(
                        "row with too many fields",
                        "C1,acme,Link, Inc,Partner,DE,,192.0.2.0/24\n",
                        2,
                        "the row has 8 fields but the header has 7; put a field that contains a comma in double"),
                error(
                        "line numbers count blank lines and lines inside quoted fields",
                        "C1,acme,\"two\nlines\",Partner,DE,,192.0.2.0/24\n\n\r\nC2,acme,Link,Partner,DE,,10.0.0.0/8\n",
                        6,
                        "prefix '10.0.0.0/8' is private"),
                new Case(
                        "header missing a column",
                        "connection_id,customer_id,name,partner,country,state\n" + "C1,acme,Link,Partner,DE,\n",
                        ERROR,
                        1,
                        "the header lacks the column prefixes"),
                new Case(
                        "header naming a column twice",
                        "connection_id,customer_id,name,partner,country,state," + "prefixes,Name\n",
                        ERROR,
                        1,
                        "the header names the column name more than once"),
                new Case("empty file", "", ERROR, 1, "the registry file is empty"),
                new Case("file of blank lines", "\n\r\n  \n", ERROR, 1, "the registry file is empty"),
                new Case(
                        "unterminated quoted field",
                        HEADER + GOOD + "C2,acme,\"Link,Partner,DE,,192.0.2.0/24\n",
                        ERROR,
                        3,
                        "malformed CSV"),
                origins(
                        "origin_asns 0",
                        "0",
                        ERROR,
                        "origin_asns 0 is reserved and never originates a route (RFC 7607)"),
                origins("origin_asns AS_TRANS", "13335 23456", ERROR, "origin_asns 23456 is AS_TRANS"),
                origins(
                        "origin_asns not a number",
                        "13335;209242",
                        ERROR,
                        "origin_asns '13335;209242' is not an AS number; write each as a number from 1 to 4294967295, "
                                + "separated by spaces, e.g. 13335 209242"),
                origins(
                        "origin_asns beyond 32 bits",
                        "4294967296",
                        ERROR,
                        "origin_asns '4294967296' is not an AS number"),
                origins(
                        "origin_asns for documentation",
                        "64500",
                        WARNING,
                        "origin_asns 64500 is reserved for documentation (RFC 5398)"),
                origins("origin_asns for private use", "4200000001", WARNING, "for private use (RFC 6996)"),
                origins("origin_asns listed twice", "13335 13335", WARNING, "origin_asns lists 13335 twice"),
                new Case(
                        "unknown column is ignored with a warning",
                        HEADER.strip() + ",region\n" + "C1,acme,Link,Partner,DE,,192.0.2.0/24,eu\n",
                        WARNING,
                        1,
                        "unknown column 'region' is ignored"),
                warning(
                        "prefix nested in another connection's prefix",
                        GOOD + row("C2", "192.0.2.128/25"),
                        3,
                        "prefix '192.0.2.128/25' of connection 'C2' (line 3) lies inside prefix '192.0.2.0/24' of "
                                + "connection 'C1' (line 2)"),
                warning(
                        "nesting is reported on the later line when the outer prefix comes later",
                        row("C1", "192.0.2.128/25") + row("C2", "192.0.2.0/24"),
                        3,
                        "prefix '192.0.2.128/25' of connection 'C1' (line 2) lies inside prefix '192.0.2.0/24' of "
                                + "connection 'C2' (line 3)"),
                warning(
                        "IPv6 nesting across customers",
                        row("C1", "2001:db8::/32") + row("C2", "globex", "FR", "", "2001:db8:ab00::/40"),
                        3,
                        "prefix '2001:db8:ab00::/40' of connection 'C2'"),
                warning(
                        "prefix nested in a prefix of the same connection",
                        row("C1", "192.0.2.0/24 192.0.2.0/26"),
                        2,
                        "prefix '192.0.2.0/26' lies inside prefix '192.0.2.0/24' of the same connection 'C1'"),
                warning(
                        "connection ids that differ only in case",
                        GOOD + row("c1", "198.51.100.0/24"),
                        3,
                        "connection_id 'c1' differs from 'C1' (line 2) only in letter case"),
                warning(
                        "customer ids that differ only in case",
                        GOOD + row("C2", "ACME", "DE", "", "198.51.100.0/24"),
                        3,
                        "customer_id 'ACME' differs from 'acme' (line 2) only in letter case"),
                warning("header without rows", "", 1, "the registry has no connections"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheRuleOnItsLine(Case rule, @TempDir Path dir) {
        RegistryLoadResult result = RegistryLoader.load(RegistryCsv.write(dir, rule.csv()));

        List<RegistryIssue> issues = rule.severity() == ERROR ? result.errors() : result.warnings();
        assertThat(issues).as("%s issues", rule.severity()).hasSize(1);
        RegistryIssue issue = issues.get(0);
        assertThat(issue.line()).isEqualTo(rule.line());
        assertThat(issue.severity()).isEqualTo(rule.severity());
        assertThat(issue.message()).contains(rule.fragment());
        assertThat(issue.file()).isEqualTo(dir.resolve("connections.csv"));
        if (rule.severity() == ERROR) {
            assertThat(result.ok()).isFalse();
            assertThat(result.registry()).isNull();
        } else {
            assertThat(result.errors()).isEmpty();
            assertThat(result.registry()).isNotNull();
        }
    }

    /** A case of one row whose optional {@code origin_asns} column is {@code origins}. */
    private static Case origins(String description, String origins, Severity severity, String fragment) {
        return new Case(
                description,
                HEADER.strip() + ",origin_asns\n" + row("C1", "192.0.2.0/24").strip() + "," + origins + "\n",
                severity,
                2,
                fragment);
    }

    /** A data-row case: {@code rows} go below the standard header. */
    private static Case error(String description, String rows, int line, String fragment) {
        return new Case(description, HEADER + rows, ERROR, line, fragment);
    }

    private static Case warning(String description, String rows, int line, String fragment) {
        return new Case(description, HEADER + rows, WARNING, line, fragment);
    }
}
