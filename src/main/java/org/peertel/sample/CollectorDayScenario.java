package org.peertel.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
import org.peertel.registry.Connection;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;
import org.peertel.registry.SpecialPurposeSpace;

/**
 * Days of one route collector's updates for a registry ({@code peertel generate bgp}): {@code <out>/<day>/updates.
 * <day>.gz}, {@link CollectorDaySettings#updatesPerDay()} prefix updates a day spread evenly over it, each from a
 * random peer for a random prefix: the registry's prefixes (from their first {@code origin_asns}, or an AS drawn
 * from the seed when the connection gives none) and as many unregistered ones (random IPv4 /24 and, one in six,
 * IPv6 /48, none inside a registered prefix, from ASes drawn from the seed; outside special-purpose space). 85 % are announcements through one of
 * a few paths a peer takes to the prefix's origin AS (as real paths depend on the destination AS, not the prefix),
 * 15 % withdrawals. Every origin is the allowed one, so the days give
 * announcements and active paths, no hijack: they are for measuring, not for a story.
 *
 * <p>Peers: 198.18.0.1 and up (RFC 2544 benchmarking space, never routed) with private 4-byte ASNs (RFC 6996)
 * 4200000001 and up. Each update is its own MRT record with one prefix, so the record count is the update count.
 */
final class CollectorDayScenario {

    private static final double WITHDRAW_SHARE = 0.15;
    private static final int IPV6_ONE_IN = 6;
    private static final long FIRST_PEER_ASN = 4_200_000_001L;
    private static final int TRANSITS = 64;
    private static final int PATHS_PER_ROUTE = 3;

    private CollectorDayScenario() {}

    /** What was written: the prefixes announced and the records of all days. */
    record Written(int registeredPrefixes, int unregisteredPrefixes, long records) {}

    static Written write(Path outDir, CollectorDaySettings settings) throws IOException {
        List<Prefix> prefixes = new ArrayList<>();
        List<Long> origins = new ArrayList<>();
        int registered = registeredPrefixes(settings, prefixes, origins);
        addUnregistered(settings, prefixes, origins);
        long[] transits = new long[TRANSITS];
        SplitMix64 plan = SplitMix64.forStream(settings.seed(), -3);
        for (int t = 0; t < TRANSITS; t++) {
            transits[t] = 1_000 + plan.nextInt(60_000);
        }
        List<CollectorPeer> peers = new ArrayList<>(settings.peers());
        for (int i = 0; i < settings.peers(); i++) {
            peers.add(new CollectorPeer(198 << 24 | 18 << 16 | (i + 1), FIRST_PEER_ASN + i));
        }
        long records = 0;
        for (int d = 0; d < settings.days(); d++) {
            LocalDate day = settings.from().plusDays(d);
            long midnight = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            SplitMix64 random = SplitMix64.forStream(settings.seed(), d);
            Path file = outDir.resolve(day.toString()).resolve("updates." + day + ".gz");
            try (MrtUpdateWriter writer = MrtUpdateWriter.open(file)) {
                for (long u = 0; u < settings.updatesPerDay(); u++) {
                    long second = midnight + u * 86_400 / settings.updatesPerDay();
                    int p = random.nextInt(peers.size());
                    int k = random.nextInt(prefixes.size());
                    List<Prefix> one = List.of(prefixes.get(k));
                    if (random.chance(WITHDRAW_SHARE)) {
                        writer.withdraw(second, peers.get(p), one);
                    } else {
                        // a peer reaches an origin AS through one of a few transits, whichever of its prefixes
                        long transit = transits[
                                (int) ((p * 31L + origins.get(k) * 17L + random.nextInt(PATHS_PER_ROUTE)) % TRANSITS)];
                        long[] path = {peers.get(p).asn(), transit, origins.get(k)};
                        writer.announce(second, peers.get(p), path, one);
                    }
                }
                records += writer.records();
            }
        }
        return new Written(registered, prefixes.size() - registered, records);
    }

    /** The registry's distinct prefixes, each with the first allowed origin of the first connection giving it. */
    private static int registeredPrefixes(CollectorDaySettings settings, List<Prefix> prefixes, List<Long> origins) {
        RegistryLoadResult loaded = RegistryLoader.load(settings.registry());
        if (!loaded.ok()) {
            throw new IllegalArgumentException("--connections " + settings.registry() + ": "
                    + loaded.errors().get(0) + "; run 'peertel validate --connections " + settings.registry()
                    + "' for every error");
        }
        Map<Prefix, Long> byPrefix = new LinkedHashMap<>();
        SplitMix64 random = SplitMix64.forStream(settings.seed(), -4);
        for (Connection connection : loaded.registry().connections()) {
            for (Prefix prefix : connection.prefixes()) {
                long drawn = 131_072 + random.nextInt(262_144); // drawn either way: origins do not shift the stream
                byPrefix.putIfAbsent(
                        prefix,
                        connection.originAsns().isEmpty()
                                ? drawn
                                : connection.originAsns().get(0));
            }
        }
        byPrefix.forEach((prefix, origin) -> {
            prefixes.add(prefix);
            origins.add(origin);
        });
        return prefixes.size();
    }

    /**
     * Random /24 and /48 prefixes that no registered prefix covers (else they would be its more-specifics) and that
     * are not special-purpose space (which no collector carries).
     */
    private static void addUnregistered(CollectorDaySettings settings, List<Prefix> prefixes, List<Long> origins) {
        Set<Prefix> taken = new HashSet<>(prefixes);
        TreeSet<Integer> ipv4Lengths = new TreeSet<>();
        TreeSet<Integer> ipv6Lengths = new TreeSet<>();
        prefixes.forEach(p -> (p.isIpv4() ? ipv4Lengths : ipv6Lengths).add(p.length()));
        SplitMix64 random = SplitMix64.forStream(settings.seed(), -5);
        int added = 0;
        while (added < settings.unregisteredPrefixes()) {
            Prefix prefix;
            if (random.nextInt(IPV6_ONE_IN) == 0) {
                long high = 0x2000_0000_0000_0000L | (random.nextLong() >>> 3 & 0x1FFF_FFFF_FFFF_0000L);
                prefix = new Prefix(new IpAddress(high, 0), 48);
            } else {
                int slash24 = (1 << 16) + random.nextInt(222 << 16); // 1.0.0.0 .. 222.255.255.0
                prefix = new Prefix(IpAddress.ofIpv4(slash24 << 8), 24);
            }
            if (SpecialPurposeSpace.overlap(prefix).isPresent()
                    || covered(prefix, prefix.isIpv4() ? ipv4Lengths : ipv6Lengths, taken)
                    || !taken.add(prefix)) {
                continue;
            }
            prefixes.add(prefix);
            origins.add(131_072L + random.nextInt(262_144));
            added++;
        }
    }

    private static boolean covered(Prefix prefix, TreeSet<Integer> lengths, Set<Prefix> registered) {
        for (int length : lengths) {
            if (length <= prefix.length() && registered.contains(prefix.widenedTo(length))) {
                return true;
            }
        }
        return false;
    }
}
