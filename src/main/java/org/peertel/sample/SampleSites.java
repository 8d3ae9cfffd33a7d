package org.peertel.sample;

import java.util.List;

/**
 * The nine hand-made connections of the sample scenario (four customers, documentation address space only).
 *
 * <ul>
 *   <li>{@code acme-sjc-1} (US/CA) and {@code acme-nyc-1} (US/NY) register the same prefixes: a geo-redundant pair,
 *       told apart by the client's state.</li>
 *   <li>{@code initech-par-1}'s 203.0.113.64/26 is nested in {@code globex-fra-1}'s 203.0.113.0/24, and
 *       {@code initech-chi-1}'s 2001:db8:140::/48 in {@code globex-fra-1}'s 2001:db8:100::/40.</li>
 *   <li>Unregistered on purpose (for no_prefix clients): 192.0.2.224/27, 2001:db8:c::/48, 2001:db8:ffff::/48.</li>
 * </ul>
 */
final class SampleSites {

    static final String ACME_SJC = "acme-sjc-1";
    static final String ACME_NYC = "acme-nyc-1";
    static final String ACME_AMS = "acme-ams-1";
    static final String GLOBEX_FRA = "globex-fra-1";
    static final String GLOBEX_LON = "globex-lon-1";
    static final String INITECH_PAR = "initech-par-1";
    static final String INITECH_CHI = "initech-chi-1";
    static final String UMBRELLA_SEA = "umbrella-sea-1";
    static final String UMBRELLA_MIA = "umbrella-mia-1";

    private SampleSites() {}

    /** The sites in registry order. */
    static List<SampleSite> all() {
        return List.of(
                site(
                        ACME_SJC,
                        "acme",
                        "Acme San Jose",
                        "Equinix",
                        "US",
                        "CA",
                        List.of("198.51.100.0/24", "2001:db8:a::/48"),
                        List.of(
                                "198.51.100.10",
                                "198.51.100.11",
                                "198.51.100.12",
                                "198.51.100.13",
                                "2001:db8:a::10",
                                "2001:db8:a::11"),
                        "sjc1",
                        "iad1",
                        22),
                site(
                        ACME_NYC,
                        "acme",
                        "Acme New York",
                        "Megaport",
                        "US",
                        "NY",
                        List.of("198.51.100.0/24", "2001:db8:a::/48"),
                        List.of(
                                "198.51.100.140",
                                "198.51.100.141",
                                "198.51.100.142",
                                "2001:db8:a:1::20",
                                "2001:db8:a:1::21"),
                        "iad1",
                        "sjc1",
                        26),
                site(
                        ACME_AMS,
                        "acme",
                        "Acme Amsterdam",
                        "AMS-IX",
                        "NL",
                        "",
                        List.of("192.0.2.0/25", "2001:db8:b::/48"),
                        List.of(
                                "192.0.2.10",
                                "192.0.2.11",
                                "192.0.2.12",
                                "::ffff:192.0.2.17",
                                "2001:db8:b::5",
                                "2001:db8:b::6"),
                        "ams1",
                        "fra1",
                        19),
                site(
                        GLOBEX_FRA,
                        "globex",
                        "Globex Frankfurt",
                        "DE-CIX",
                        "DE",
                        "",
                        List.of("203.0.113.0/24", "2001:db8:100::/40"),
                        List.of(
                                "203.0.113.10",
                                "203.0.113.11",
                                "203.0.113.12",
                                "203.0.113.200",
                                "203.0.113.201",
                                "2001:db8:100::a",
                                "2001:db8:1ff::b"),
                        "fra1",
                        "ams1",
                        24),
                site(
                        GLOBEX_LON,
                        "globex",
                        "Globex London",
                        "LINX",
                        "GB",
                        "",
                        List.of("192.0.2.128/26"),
                        List.of("192.0.2.130", "192.0.2.131", "192.0.2.132", "192.0.2.133"),
                        "ams1",
                        "fra1",
                        31),
                site(
                        INITECH_PAR,
                        "initech",
                        "Initech Paris, Site A",
                        "France-IX",
                        "FR",
                        "",
                        List.of("203.0.113.64/26"),
                        List.of("203.0.113.70", "203.0.113.71", "203.0.113.72"),
                        "fra1",
                        "ams1",
                        29),
                site(
                        INITECH_CHI,
                        "initech",
                        "Initech Chicago",
                        "Equinix",
                        "US",
                        "IL",
                        List.of("2001:db8:140::/48"),
                        List.of("2001:db8:140::1", "2001:db8:140::2", "2001:db8:140:7::3"),
                        "iad1",
                        "sjc1",
                        37),
                site(
                        UMBRELLA_SEA,
                        "umbrella",
                        "Umbrella Seattle",
                        "Console Connect",
                        "US",
                        "WA",
                        List.of("192.0.2.192/27", "2001:db8:200::/48"),
                        List.of("192.0.2.200", "192.0.2.201", "2001:db8:200::100"),
                        "sjc1",
                        "iad1",
                        33),
                site(
                        UMBRELLA_MIA,
                        "umbrella",
                        "Umbrella Miami",
                        "Lumen",
                        "US",
                        "FL",
                        List.of("2001:db8:300::/48"),
                        List.of("2001:db8:300::1", "2001:db8:300::2", "2001:db8:300:5::9"),
                        "iad1",
                        "sjc1",
                        44));
    }

    private static SampleSite site(
            String id,
            String customer,
            String name,
            String partner,
            String country,
            String state,
            List<String> prefixes,
            List<String> clients,
            String homePop,
            String otherPop,
            double medianMs) {
        return new SampleSite(
                new SampleConnection(id, customer, name, partner, country, state, prefixes),
                clients,
                homePop,
                otherPop,
                medianMs);
    }
}
