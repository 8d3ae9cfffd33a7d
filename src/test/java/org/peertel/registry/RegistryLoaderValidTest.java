package org.peertel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.registry.RegistryCsv.HEADER;
import static org.peertel.registry.RegistryCsv.row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.prefix.Prefix;

/** Registries that must load: each case is a file and what the loaded registry must look like. */
class RegistryLoaderValidTest {

    /**
     * @param description  what the case shows
     * @param content      the file's bytes
     * @param warnings     how many warnings are expected
     * @param expectations checks on the loaded registry
     */
    record Case(String description, byte[] content, int warnings, Consumer<ConnectionRegistry> expectations) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                valid(
                        "IPv4 and IPv6 prefixes of one connection",
                        HEADER + row("C1", "acme", "US", "VA", "192.0.2.0/24 2001:db8::/32"),
                        0,
                        registry -> {
                            Connection c1 = registry.find("C1").orElseThrow();
                            assertThat(c1)
                                    .isEqualTo(new Connection(
                                            "C1",
                                            "acme",
                                            "Link C1",
                                            "Partner",
                                            "US",
                                            "VA",
                                            prefixes("192.0.2.0/24", "2001:db8::/32"),
                                            2));
                            assertThat(c1.location()).isEqualTo(new Location("US", "VA"));
                        }),
                valid(
                        "origin_asns: sibling ASNs in file order, 'AS' allowed; empty and absent give none",
                        HEADER.strip() + ",origin_asns\n"
                                + row("C1", "192.0.2.0/24").strip() + ",AS13335  209242\n"
                                + row("C2", "198.51.100.0/24").strip() + ",\n",
                        0,
                        registry -> {
                            assertThat(registry.find("C1").orElseThrow().originAsns())
                                    .containsExactly(13335L, 209242L);
                            assertThat(registry.find("C2").orElseThrow().originAsns())
                                    .isEmpty();
                        }),
                valid(
                        "a registry without origin_asns: no connection has origins",
                        HEADER + row("C1", "192.0.2.0/24"),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow().originAsns())
                                .isEmpty()),
                valid(
                        "geo-redundant pair: one customer, same prefix, two US states",
                        HEADER
                                + row("east", "acme", "US", "VA", "198.51.100.0/24")
                                + row("west", "acme", "US", "CA", "198.51.100.0/24"),
                        0,
                        registry -> {
                            assertThat(registry.connections())
                                    .extracting(Connection::connectionId)
                                    .containsExactly("east", "west");
                            assertThat(registry.find("west").orElseThrow().prefixes())
                                    .isEqualTo(prefixes("198.51.100.0/24"));
                        }),
                valid(
                        "geo-redundant pair in two countries, IPv6 written differently",
                        HEADER
                                + row("fra", "acme", "DE", "", "2001:DB8:0::/48")
                                + row("par", "acme", "FR", "", "2001:db8::/48"),
                        0,
                        registry -> assertThat(registry.connectionsOf("acme")).hasSize(2)),
                valid(
                        "nested prefixes across connections load with a warning",
                        HEADER + row("C1", "192.0.2.0/24") + row("C2", "globex", "FR", "", "192.0.2.0/25"),
                        1,
                        registry -> assertThat(registry.size()).isEqualTo(2)),
                valid(
                        "every documentation prefix is accepted",
                        HEADER + row("C1", "192.0.2.0/24 198.51.100.0/24 203.0.113.0/24 2001:db8::/32"),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow().prefixes())
                                .hasSize(4)),
                valid(
                        "public prefixes next to special-purpose space are accepted",
                        HEADER + row("C1", "11.0.0.0/8 100.128.0.0/9 172.32.0.0/11 223.255.255.0/24 2a00:1450::/32"),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow().prefixes())
                                .hasSize(5)),
                valid(
                        "UTF-8 BOM before the header",
                        bytes("\uFEFF" + HEADER + row("C1", "192.0.2.0/24")),
                        0,
                        registry -> assertThat(registry.find("C1")).isPresent()),
                valid(
                        "CRLF line endings, and a line number after a blank line",
                        bytes((HEADER + row("C1", "192.0.2.0/24") + "\n" + row("C2", "198.51.100.0/24"))
                                .replace("\n", "\r\n")),
                        0,
                        registry -> assertThat(registry.find("C2").orElseThrow().line())
                                .isEqualTo(4)),
                valid(
                        "quoted fields with commas, quotes and a line break",
                        bytes(HEADER
                                + "C1,acme,\"Frankfurt, \"\"primary\"\"\",\"Partner\nGmbH\",DE,,\"192.0.2.0/24\"\n"
                                + "C2,acme,Link,Partner,DE,,198.51.100.0/24\n"),
                        0,
                        registry -> {
                            assertThat(registry.find("C1").orElseThrow().name()).isEqualTo("Frankfurt, \"primary\"");
                            assertThat(registry.find("C1").orElseThrow().partner())
                                    .isEqualTo("Partner\nGmbH");
                            assertThat(registry.find("C2").orElseThrow().line()).isEqualTo(4);
                        }),
                valid(
                        "columns in another order, header names in any case",
                        bytes("Prefixes, STATE ,country,partner,name,customer_id,connection_id\n"
                                + "203.0.113.0/24,TX,US,Partner,Link,acme,C1\n"),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow())
                                .isEqualTo(new Connection(
                                        "C1", "acme", "Link", "Partner", "US", "TX", prefixes("203.0.113.0/24"), 2))),
                valid(
                        "spaces and semicolons in any mix separate prefixes",
                        HEADER + row("C1", "\" ;192.0.2.0/24;; 198.51.100.0/24 ;  2001:db8::/48\t;\""),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow().prefixes())
                                .isEqualTo(prefixes("192.0.2.0/24", "198.51.100.0/24", "2001:db8::/48"))),
                valid(
                        "line breaks, form feeds and vertical tabs in a quoted field separate prefixes too",
                        HEADER + row("C1", "\"192.0.2.0/24\r\n198.51.100.0/24\f2001:db8::/48\u000B203.0.113.0/24\n\""),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow().prefixes())
                                .isEqualTo(prefixes(
                                        "192.0.2.0/24", "198.51.100.0/24", "2001:db8::/48", "203.0.113.0/24"))),
                valid(
                        "values are trimmed of surrounding spaces",
                        bytes(HEADER + " C1 , acme , Link , Partner , US , NY , 192.0.2.0/24 \n"),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow())
                                .isEqualTo(new Connection(
                                        "C1", "acme", "Link", "Partner", "US", "NY", prefixes("192.0.2.0/24"), 2))),
                valid(
                        "64-character ids, dots, dashes and underscores",
                        HEADER + row("a".repeat(64), "cust_1.eu-west", "GB", "", "192.0.2.0/24"),
                        0,
                        registry -> assertThat(registry.customerIds()).containsExactly("cust_1.eu-west")),
                valid(
                        "US territories and DC are states",
                        HEADER
                                + row("C1", "acme", "US", "DC", "192.0.2.0/24")
                                + row("C2", "acme", "US", "PR", "198.51.100.0/24"),
                        0,
                        registry -> assertThat(registry.size()).isEqualTo(2)),
                valid(
                        "IPv4-mapped IPv6 prefix is the IPv4 prefix",
                        HEADER + row("C1", "::ffff:192.0.2.0/120"),
                        0,
                        registry -> assertThat(registry.find("C1").orElseThrow().prefixes())
                                .isEqualTo(prefixes("192.0.2.0/24"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loads(Case valid, @TempDir Path dir) {
        RegistryLoadResult result = RegistryLoader.load(RegistryCsv.write(dir, valid.content()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.warnings()).hasSize(valid.warnings());
        valid.expectations().accept(result.registry());
    }

    private static Case valid(
            String description, String content, int warnings, Consumer<ConnectionRegistry> expectations) {
        return valid(description, bytes(content), warnings, expectations);
    }

    private static Case valid(
            String description, byte[] content, int warnings, Consumer<ConnectionRegistry> expectations) {
        return new Case(description, content, warnings, expectations);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Prefix> prefixes(String... texts) {
        return Stream.of(texts).map(Prefix::parse).toList();
    }
}
