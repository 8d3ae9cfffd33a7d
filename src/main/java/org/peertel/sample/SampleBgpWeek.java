package org.peertel.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peertel.prefix.Prefix;

/**
 * The sample week's BGP: one small update dump a day ({@code bgp/<YYYY-MM-DD>/updates.<YYYY-MM-DD>.gz}) of a route
 * collector with twelve peers, for the sample registry's prefixes (see {@code sample-data/README.md}).
 *
 * <p>Each day's file opens with every peer announcing every registered prefix (there is no RIB dump, so the day
 * starts with no route held), then some churn: path changes by the other peers, and one peer of the day whose
 * routes flap (withdrawn and announced again minutes later; at most one peer is ever missing, so visibility never
 * falls below {@code bgp.visibility-min-peers}). On {@link #SESSION_RESET_DAY} that peer's session goes down and
 * comes back. On {@link #HIJACK_DAY}, the day globex-fra-1's latency regresses, {@link #HIJACK_PREFIX}, a
 * more-specific of globex-fra-1's 203.0.113.0/24 that nobody registered, is announced from {@link #HIJACKER_ASN} by
 * eight peers for about three hours.
 *
 * <p>Peers sit in 198.18.0.0/15 (RFC 2544 benchmarking space, never routed): the three IPv4 documentation blocks
 * are the sample's customer prefixes, so a peer there would look like a customer's address. Their AS numbers are
 * the 4-byte documentation ones (RFC 5398, 65536-65551), the customers' the 2-byte ones (64496-64511).
 */
final class SampleBgpWeek {

    static final LocalDate HIJACK_DAY = LocalDate.of(2026, 11, 21);
    static final Prefix HIJACK_PREFIX = Prefix.parse("203.0.113.128/25");
    static final long HIJACKER_ASN = 64511;
    static final LocalDate SESSION_RESET_DAY = LocalDate.of(2026, 11, 18);

    /** The AS each customer announces its prefixes from. */
    static final Map<String, Long> CUSTOMER_ASNS =
            Map.of("acme", 64496L, "globex", 64501L, "initech", 64502L, "umbrella", 64503L);
    /** The connections whose registry row gives allowed origins (the others get visibility events only). */
    static final Set<String> REGISTERS_ORIGINS = Set.of(SampleSites.GLOBEX_FRA, SampleSites.INITECH_PAR);

    private static final long SEED = 20261121L;
    private static final int PEERS = 12;
    private static final long FIRST_PEER_ASN = 65536;
    private static final long[] TRANSITS = {65548, 65549, 65550};
    private static final int PATH_CHANGES = 24;
    private static final int FLAPS = 6;
    private static final int HIJACK_PEERS = 8;
    private static final int ESTABLISHED = 6;
    private static final int IDLE = 1;

    private SampleBgpWeek() {}

    /** The collector's peers: 198.18.0.1 .. 198.18.0.12, AS 65536 .. 65547. */
    static List<CollectorPeer> peers() {
        List<CollectorPeer> peers = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            peers.add(new CollectorPeer(198 << 24 | 18 << 16 | (i + 1), FIRST_PEER_ASN + i));
        }
        return peers;
    }

    /** Every registered prefix once, in registry order, with the AS its customer announces it from. */
    static Map<Prefix, Long> announcedPrefixes() {
        Map<Prefix, Long> origins = new LinkedHashMap<>();
        for (SampleSite site : SampleSites.all()) {
            for (String prefix : site.registry().prefixes()) {
                origins.putIfAbsent(
                        Prefix.parse(prefix), CUSTOMER_ASNS.get(site.registry().customerId()));
            }
        }
        return origins;
    }

    /** Writes one update file per day of the sample week under {@code bgpDir}. */
    static void write(Path bgpDir) throws IOException {
        for (int dayIndex = 0; dayIndex < SampleScenario.DAYS; dayIndex++) {
            LocalDate day = SampleScenario.FIRST_DAY.plusDays(dayIndex);
            List<Update> updates = dayOf(day, dayIndex, SplitMix64.forStream(SEED, dayIndex));
            updates.sort(Comparator.comparingInt(Update::second)); // stable: same second keeps its order
            long midnight = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            Path file = bgpDir.resolve(day.toString()).resolve("updates." + day + ".gz");
            try (MrtUpdateWriter writer = MrtUpdateWriter.open(file)) {
                for (Update update : updates) {
                    update.writeTo(writer, midnight + update.second());
                }
            }
        }
    }

    private static List<Update> dayOf(LocalDate day, int dayIndex, SplitMix64 random) {
        List<CollectorPeer> peers = peers();
        Map<Prefix, Long> origins = announcedPrefixes();
        List<Prefix> prefixes = new ArrayList<>(origins.keySet());
        List<Update> updates = new ArrayList<>();
        for (int p = 0; p < PEERS; p++) {
            for (Prefix prefix : prefixes) {
                updates.add(Update.announce(
                        random.nextInt(300), peers.get(p), usualPath(p, peers.get(p), origins.get(prefix)), prefix));
            }
        }
        int flapper = dayIndex % PEERS;
        for (int i = 0; i < PATH_CHANGES; i++) {
            int p = (flapper + 1 + random.nextInt(PEERS - 1)) % PEERS;
            Prefix prefix = prefixes.get(random.nextInt(prefixes.size()));
            long origin = origins.get(prefix);
            long transit = TRANSITS[(p + 1 + random.nextInt(TRANSITS.length - 1)) % TRANSITS.length];
            long[] path = random.chance(0.5)
                    ? new long[] {peers.get(p).asn(), transit, origin}
                    : new long[] {peers.get(p).asn(), transit, origin, origin}; // prepended
            updates.add(Update.announce(random.nextIntBetween(600, 86_000), peers.get(p), path, prefix));
        }
        CollectorPeer flapping = peers.get(flapper);
        for (int i = 0; i < FLAPS; i++) {
            Prefix prefix = prefixes.get(random.nextInt(prefixes.size()));
            int down = random.nextIntBetween(600, 43_000); // mornings: the session reset is in the afternoon
            updates.add(Update.withdraw(down, flapping, prefix));
            updates.add(Update.announce(
                    down + random.nextIntBetween(60, 900),
                    flapping,
                    usualPath(flapper, flapping, origins.get(prefix)),
                    prefix));
        }
        if (day.equals(SESSION_RESET_DAY)) {
            int down = 14 * 3600 + 2 * 60 + 11;
            updates.add(Update.state(down, flapping, ESTABLISHED, IDLE));
            updates.add(Update.state(down + 329, flapping, IDLE, ESTABLISHED));
            for (Prefix prefix : prefixes) {
                updates.add(Update.announce(
                        down + 330 + random.nextInt(60),
                        flapping,
                        usualPath(flapper, flapping, origins.get(prefix)),
                        prefix));
            }
        }
        if (day.equals(HIJACK_DAY)) {
            hijack(peers, random, updates);
        }
        return updates;
    }

    /** Eight peers pick up the hijacker's route from 09:14 and drop it from 12:31, a few seconds apart. */
    private static void hijack(List<CollectorPeer> peers, SplitMix64 random, List<Update> updates) {
        int announced = 9 * 3600 + 14 * 60 + 5;
        int withdrawn = 12 * 3600 + 31 * 60 + 40;
        for (int i = 0; i < HIJACK_PEERS; i++) {
            CollectorPeer peer = peers.get(i * PEERS / HIJACK_PEERS);
            announced += random.nextIntBetween(5, 40);
            withdrawn += random.nextIntBetween(5, 40);
            long[] path = {peer.asn(), TRANSITS[i % TRANSITS.length], HIJACKER_ASN};
            updates.add(Update.announce(announced, peer, path, HIJACK_PREFIX));
            updates.add(Update.withdraw(withdrawn, peer, HIJACK_PREFIX));
        }
    }

    /** The path a peer takes to an origin on a quiet day: through one transit, chosen by the peer. */
    private static long[] usualPath(int peerIndex, CollectorPeer peer, long origin) {
        return new long[] {peer.asn(), TRANSITS[peerIndex % TRANSITS.length], origin};
    }

    /** One record of the day: an announcement (path set), a withdrawal or a session's state change. */
    private record Update(int second, CollectorPeer peer, long[] path, Prefix prefix, int oldState, int newState) {

        static Update announce(int second, CollectorPeer peer, long[] path, Prefix prefix) {
            return new Update(second, peer, path, prefix, 0, 0);
        }

        static Update withdraw(int second, CollectorPeer peer, Prefix prefix) {
            return new Update(second, peer, null, prefix, 0, 0);
        }

        static Update state(int second, CollectorPeer peer, int oldState, int newState) {
            return new Update(second, peer, null, null, oldState, newState);
        }

        void writeTo(MrtUpdateWriter writer, long seconds) throws IOException {
            if (prefix == null) {
                writer.stateChange(seconds, peer, oldState, newState);
            } else if (path == null) {
                writer.withdraw(seconds, peer, List.of(prefix));
            } else {
                writer.announce(seconds, peer, path, List.of(prefix));
            }
        }
    }
}
