package org.peertel.sample;

import java.util.ArrayList;
import java.util.List;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;

/**
 * Builds the connections of the scale scenario. Address plan (only public-looking space, never special-purpose):
 * <ul>
 *   <li>connection {@code i} owns IPv4 {@code (11 + i/65536).x.y.0/24} (within 11.0.0.0/8 .. 14.0.0.0/8) and
 *       IPv6 {@code 2001:db8:<i as 24 bits>00::/56};</li>
 *   <li>every connection with {@code i % 10 == 1} also registers the IPv4 /24 of connection {@code i - 1}: same
 *       customer, other location (geo-redundant);</li>
 *   <li>every connection with {@code i % 20 == 7} also registers a /26 and a /64 nested in the blocks of connection
 *       {@code (i + 10) % connections} (another customer when there are 20 or more connections);</li>
 *   <li>198.51.100.0/24 and 2001:db8:ffff::/48 stay unregistered: no_prefix clients live there.</li>
 * </ul>
 * Clients of a connection use hosts .1-.127 of IPv4 blocks and subnets 00-7f of IPv6 blocks, so no nested block
 * steals them.
 */
final class ScaleRegistry {

    /** (country, state) pairs; consecutive connections always get different locations. */
    static final List<String[]> LOCATIONS = List.of(
            new String[] {"US", "CA"}, new String[] {"DE", ""}, new String[] {"US", "NY"}, new String[] {"NL", ""},
            new String[] {"US", "VA"}, new String[] {"GB", ""}, new String[] {"US", "TX"}, new String[] {"FR", ""},
            new String[] {"US", "WA"}, new String[] {"JP", ""}, new String[] {"US", "IL"}, new String[] {"SG", ""},
            new String[] {"US", "FL"}, new String[] {"AU", ""}, new String[] {"US", "GA"}, new String[] {"BR", ""},
            new String[] {"SE", ""}, new String[] {"CA", ""}, new String[] {"PL", ""}, new String[] {"IN", ""},
            new String[] {"ZA", ""});
    /** A country no connection is registered in: clients there are location_mismatch. */
    static final String MISMATCH_LOCATION = "IS,";
    static final int CLIENTS_PER_CONNECTION = 8;

    private static final List<String> PARTNERS = List.of("Equinix", "DE-CIX", "AMS-IX", "LINX", "Megaport",
            "Console Connect", "Lumen", "Telia", "Cogent", "Zayo");
    private static final long V6_BASE = 0x2001_0db8_0000_0000L;

    private ScaleRegistry() {
    }

    /** The {@code connections} connections of a run with {@code seed}, in registry order. */
    static List<ScaleSite> build(int connections, long seed) {
        List<ScaleSite> sites = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            sites.add(site(i, connections, SplitMix64.forStream(seed, -1, i)));
        }
        return sites;
    }

    /** Clients outside every registered prefix, with assorted locations. */
    static byte[][] noPrefixClients(long seed) {
        SplitMix64 random = SplitMix64.forStream(seed, -2);
        byte[][] clients = new byte[32][];
        for (int k = 0; k < clients.length; k++) {
            String ip = k % 3 == 2
                    ? new IpAddress(0x2001_0db8_ffff_0000L | random.nextInt(0x10000), 1 + random.nextInt(0xffff))
                            .toString()
                    : "198.51.100." + (1 + random.nextInt(254));
            clients[k] = LatencyCsvWriter.ascii(ip + "," + location(random.nextInt(LOCATIONS.size())));
        }
        return clients;
    }

    private static ScaleSite site(int i, int connections, SplitMix64 random) {
        String location = location(i);
        List<String> prefixes = new ArrayList<>();
        List<String> clients = new ArrayList<>();
        prefixes.add(v4Prefix(v4Block(i), 24));
        prefixes.add(v6Prefix(v6High(i), 56));
        for (int k = 0; k < CLIENTS_PER_CONNECTION; k++) {
            clients.add(k < 5 ? v4Client(v4Block(i), random) : v6Client(v6High(i), random));
        }
        if (i % 10 == 1) {
            prefixes.add(v4Prefix(v4Block(i - 1), 24));
            clients.set(3, v4Client(v4Block(i - 1), random));
        }
        int nestedIn = (i + 10) % connections;
        if (i % 20 == 7 && nestedIn != i) {
            prefixes.add(v4Prefix(v4Block(nestedIn) | 128, 26));
            prefixes.add(v6Prefix(v6High(nestedIn) | 0xff, 64));
            clients.set(4, IpAddress.ofIpv4(v4Block(nestedIn) | (128 + 1 + random.nextInt(62))).toString());
            clients.set(7, new IpAddress(v6High(nestedIn) | 0xff, 1 + random.nextInt(0xffff)).toString());
        }
        byte[][] clientBytes = clients.stream()
                .map(ip -> LatencyCsvWriter.ascii(ip + "," + location)).toArray(byte[][]::new);
        byte[] mismatch = LatencyCsvWriter.ascii(v4Client(v4Block(i), random) + "," + MISMATCH_LOCATION);
        String customer = "customer-" + (i / 10 + 1);
        String[] where = LOCATIONS.get(i % LOCATIONS.size());
        SampleConnection registry = new SampleConnection("conn-" + (i + 1), customer,
                "Connection " + (i + 1) + " of " + customer, PARTNERS.get(random.nextInt(PARTNERS.size())),
                where[0], where[1], prefixes);
        double medianMs = 8 + 60 * random.nextDouble();
        return new ScaleSite(registry, clientBytes, mismatch, medianMs, i % 50 == 13);
    }

    private static String location(int index) {
        String[] where = LOCATIONS.get(index % LOCATIONS.size());
        return where[0] + "," + where[1];
    }

    /** The network bits of connection {@code i}'s own IPv4 /24. */
    static int v4Block(int i) {
        return ((11 + (i >>> 16)) << 24) | ((i & 0xffff) << 8);
    }

    /** The upper 64 bits of connection {@code i}'s own IPv6 /56. */
    static long v6High(int i) {
        return V6_BASE | ((long) i << 8);
    }

    private static String v4Prefix(int network, int length) {
        return new Prefix(IpAddress.ofIpv4(network), length).toString();
    }

    private static String v6Prefix(long high, int length) {
        return new Prefix(new IpAddress(high, 0), length).toString();
    }

    private static String v4Client(int block, SplitMix64 random) {
        return IpAddress.ofIpv4(block | (1 + random.nextInt(127))).toString();
    }

    private static String v6Client(long blockHigh, SplitMix64 random) {
        return new IpAddress(blockHigh | random.nextInt(0x80), 1 + random.nextInt(0xffff)).toString();
    }
}
