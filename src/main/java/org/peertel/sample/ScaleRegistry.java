package org.peertel.sample;

import java.util.ArrayList;
import java.util.List;
import org.peertel.prefix.Prefix;

/**
 * Gives the prefixes of a {@link PrefixPlan} to the connections of the scale scenario:
 * <ul>
 *   <li>base prefixes go to connections in contiguous runs of address order (as an operator's prefixes sit
 *       together), every connection at least one, IPv4 and IPv6 interleaved evenly;</li>
 *   <li>a nested prefix goes to the connection half the registry away from the owner of the prefix it lies in
 *       (another customer whenever no customer holds more than half of the connections, as with the default of
 *       one customer per ten);</li>
 *   <li>every connection with {@code i % 10 == 1} whose customer also owns connection {@code i - 1} registers that
 *       connection's first prefix as well: same customer, other location (geo-redundant).</li>
 * </ul>
 * Customers own contiguous runs of connections; consecutive connections always have different locations.
 */
final class ScaleRegistry {

    /** (country, state) pairs; consecutive connections always get different locations. */
    static final List<String[]> LOCATIONS = List.of(
            new String[] {"US", "CA"},
            new String[] {"DE", ""},
            new String[] {"US", "NY"},
            new String[] {"NL", ""},
            new String[] {"US", "VA"},
            new String[] {"GB", ""},
            new String[] {"US", "TX"},
            new String[] {"FR", ""},
            new String[] {"US", "WA"},
            new String[] {"JP", ""},
            new String[] {"US", "IL"},
            new String[] {"SG", ""},
            new String[] {"US", "FL"},
            new String[] {"AU", ""},
            new String[] {"US", "GA"},
            new String[] {"BR", ""},
            new String[] {"SE", ""},
            new String[] {"CA", ""},
            new String[] {"PL", ""},
            new String[] {"IN", ""},
            new String[] {"ZA", ""});
    /** A country no connection is registered in: clients there are location_mismatch. */
    static final byte[] MISMATCH_LOCATION = LatencyCsvWriter.ascii(",IS,");

    private static final List<String> PARTNERS = List.of(
            "Equinix", "DE-CIX", "AMS-IX", "LINX", "Megaport", "Console Connect", "Lumen", "Telia", "Cogent", "Zayo");

    private static final long FIRST_ORIGIN_ASN = 131_072;
    private static final int ORIGIN_ASNS = 262_144;

    private ScaleRegistry() {}

    /** The connections of {@code settings}, in registry order, holding the prefixes of {@code plan}. */
    static List<ScaleSite> build(ScaleSettings settings, PrefixPlan plan) {
        int connections = settings.connections();
        if (plan.basePrefixes() < connections) {
            throw new IllegalArgumentException("only " + plan.basePrefixes() + " prefixes to register for "
                    + connections + " connections; every connection needs one, so use fewer --connections"
                    + (plan.table() == null ? "" : " or more prefixes of the table"));
        }
        List<List<Prefix>> owned = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            owned.add(new ArrayList<>());
        }
        int[] ipv4Owner = new int[plan.ipv4().bases().size()];
        int[] ipv6Owner = new int[plan.ipv6().bases().size()];
        giveBases(plan, owned, ipv4Owner, ipv6Owner);
        giveNested(plan.ipv4(), ipv4Owner, owned);
        giveNested(plan.ipv6(), ipv6Owner, owned);
        for (int i = 1; i < connections; i++) {
            if (i % 10 == 1 && customer(i, settings) == customer(i - 1, settings)) {
                owned.get(i).add(owned.get(i - 1).get(0));
            }
        }
        List<ScaleSite> sites = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            sites.add(site(i, owned.get(i), settings, SplitMix64.forStream(settings.seed(), -1, i)));
        }
        return sites;
    }

    /** Base k of B (both families) goes to connection k * C / B; IPv6 bases are spread evenly among them. */
    private static void giveBases(PrefixPlan plan, List<List<Prefix>> owned, int[] ipv4Owner, int[] ipv6Owner) {
        long total = plan.basePrefixes();
        long ipv6 = ipv6Owner.length;
        int next4 = 0;
        int next6 = 0;
        for (long k = 0; k < total; k++) {
            int connection = (int) (k * owned.size() / total);
            boolean isIpv6 = (k + 1) * ipv6 / total > k * ipv6 / total;
            if (isIpv6) {
                ipv6Owner[next6] = connection;
                owned.get(connection).add(plan.ipv6().bases().get(next6++));
            } else {
                ipv4Owner[next4] = connection;
                owned.get(connection).add(plan.ipv4().bases().get(next4++));
            }
        }
    }

    private static void giveNested(PrefixPlan.Family family, int[] baseOwner, List<List<Prefix>> owned) {
        for (int k = 0; k < family.nested().size(); k++) {
            int owner = (baseOwner[family.nestedParent()[k]] + owned.size() / 2) % owned.size();
            owned.get(owner).add(family.nested().get(k));
        }
    }

    /**
     * The AS a customer's connections allow as origin: one per customer (its sites announce the same prefixes),
     * drawn from the seed in 131072..393215, 4-byte numbers the RIRs hand out, none reserved (no registry warning).
     */
    static long originAsn(int customer, long seed) {
        return FIRST_ORIGIN_ASN + SplitMix64.forStream(seed, -2, customer).nextInt(ORIGIN_ASNS);
    }

    private static int customer(int connection, ScaleSettings settings) {
        return (int) ((long) connection * settings.customers() / settings.connections());
    }

    private static ScaleSite site(int i, List<Prefix> prefixes, ScaleSettings settings, SplitMix64 random) {
        String[] where = LOCATIONS.get(i % LOCATIONS.size());
        String customer = "customer-" + (customer(i, settings) + 1);
        SampleConnection registry = new SampleConnection(
                "conn-" + (i + 1),
                customer,
                "Connection " + (i + 1) + " of " + customer,
                PARTNERS.get(random.nextInt(PARTNERS.size())),
                where[0],
                where[1],
                prefixes.stream().map(Prefix::toString).toList());
        if (settings.originAsns()) {
            registry = registry.withOriginAsns(List.of(originAsn(customer(i, settings), settings.seed())));
        }
        double medianMs = 8 + 60 * random.nextDouble();
        return new ScaleSite(registry, List.copyOf(prefixes), location(where), medianMs, i % 50 == 13);
    }

    /** The text {@code ,country,state} of a location. */
    static byte[] location(String[] where) {
        return LatencyCsvWriter.ascii("," + where[0] + "," + where[1]);
    }
}
