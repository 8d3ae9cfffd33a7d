package org.peertel.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.peertel.bgp.AsPath;
import org.peertel.bgp.BgpStateChange;
import org.peertel.bgp.BgpUpdate;
import org.peertel.bgp.MpReach;
import org.peertel.bgp.MpUnreach;
import org.peertel.bgp.MrtEntry;
import org.peertel.bgp.MrtRecord;
import org.peertel.bgp.NlriPrefix;
import org.peertel.bgp.PathAttributes;
import org.peertel.bgp.RibRecord;
import org.peertel.bgp.TableDumpRoute;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;

/**
 * The route changes an MRT entry stands for: an update's withdrawals, then its announcements (IPv4 and IPv6 unicast
 * only: multicast routes never make events), a session leaving Established as its peer going down, a RIB dump's
 * routes as announcements of the state the day starts with. Messages the collector itself sent ({@code _LOCAL}) and
 * the other entries change nothing.
 */
public final class MrtRouteChanges {

    /** BGP's FSM state Established (RFC 4271 section 8.2.2), as BGP4MP STATE_CHANGE numbers it. */
    private static final int ESTABLISHED = 6;

    private static final int AFI_IPV4 = 1;
    private static final int AFI_IPV6 = 2;
    private static final int SAFI_UNICAST = 1;
    private static final int SAFI_MULTICAST = 2;

    private MrtRouteChanges() {}

    /** Hands {@code entry}'s changes to {@code changes}, in the order the entry gives them. */
    public static void of(MrtEntry entry, Consumer<RouteChange> changes) {
        if (entry instanceof BgpUpdate update && !update.local()) {
            update(update, changes);
        } else if (entry instanceof BgpStateChange state
                && state.oldState() == ESTABLISHED
                && state.newState() != ESTABLISHED) {
            changes.accept(new RouteChange.PeerDown(
                    time(state.record()), new Peer(address(state.peerAddress()), state.peerAs())));
        } else if (entry instanceof RibRecord rib && rib.safi() == SAFI_UNICAST) {
            for (RibRecord.Entry route : rib.entries()) {
                announce(
                        time(rib.record()),
                        new Peer(address(route.peer().address()), route.peer().as()),
                        rib.prefix(),
                        route.attributes(),
                        changes);
            }
        } else if (entry instanceof TableDumpRoute route) {
            announce(
                    time(route.record()),
                    new Peer(address(route.peerAddress()), route.peerAs()),
                    route.prefix(),
                    route.attributes(),
                    changes);
        }
    }

    /**
     * The multicast routes (SAFI 2) of {@code entry}, announced or withdrawn, which make no change: counted in the
     * run summary so that they are not lost in silence.
     */
    public static int multicastRoutes(MrtEntry entry) {
        if (entry instanceof BgpUpdate update && !update.local()) {
            int routes = 0;
            for (int afi : new int[] {AFI_IPV4, AFI_IPV6}) {
                MpUnreach unreach = update.attributes().unreach(afi, SAFI_MULTICAST);
                routes += unreach == null ? 0 : unreach.prefixes().size();
                MpReach reach = update.attributes().reach(afi, SAFI_MULTICAST);
                routes += reach == null ? 0 : reach.prefixes().size();
            }
            return routes;
        }
        if (entry instanceof RibRecord rib && rib.safi() == SAFI_MULTICAST) {
            return rib.entries().size();
        }
        return 0;
    }

    private static void update(BgpUpdate update, Consumer<RouteChange> changes) {
        Instant time = time(update.record());
        Peer peer = new Peer(address(update.peerAddress()), update.peerAs());
        PathAttributes attributes = update.attributes();
        List<NlriPrefix> withdrawn = new ArrayList<>(update.withdrawn());
        List<NlriPrefix> announced = new ArrayList<>(update.announced());
        for (int afi : new int[] {AFI_IPV4, AFI_IPV6}) {
            MpUnreach unreach = attributes.unreach(afi, SAFI_UNICAST);
            if (unreach != null) {
                withdrawn.addAll(unreach.prefixes());
            }
            MpReach reach = attributes.reach(afi, SAFI_UNICAST);
            if (reach != null) {
                announced.addAll(reach.prefixes());
            }
        }
        for (NlriPrefix prefix : withdrawn) {
            changes.accept(new RouteChange.Withdraw(time, peer, prefix(prefix)));
        }
        for (NlriPrefix prefix : announced) {
            announce(time, peer, prefix, attributes, changes);
        }
    }

    private static void announce(
            Instant time, Peer peer, NlriPrefix prefix, PathAttributes attributes, Consumer<RouteChange> changes) {
        AsPath path = attributes.asPath();
        if (path == null || path.malformed()) {
            return; // no origin to judge: such a route is counted by the reader, not replayed
        }
        changes.accept(new RouteChange.Announce(time, peer, prefix(prefix), path.text(), origin(path, peer)));
    }

    /** The path's last AS, or the members of a set there; the peer's own AS for an empty path (its own route). */
    static Origin origin(AsPath path, Peer peer) {
        List<AsPath.Segment> segments = path.segments();
        if (segments.isEmpty()) {
            return Origin.of(peer.asn());
        }
        AsPath.Segment last = segments.get(segments.size() - 1);
        long[] asns = last.asns();
        if (asns.length == 0) {
            return Origin.of(peer.asn());
        }
        return last.isSet() ? new Origin(Arrays.stream(asns).boxed().toList(), true) : Origin.of(asns[asns.length - 1]);
    }

    private static Instant time(MrtRecord record) {
        return Instant.ofEpochSecond(record.seconds(), record.microseconds() * 1000);
    }

    private static Prefix prefix(NlriPrefix prefix) {
        return new Prefix(address(prefix.ipv6(), prefix.address()), prefix.length());
    }

    private static String address(byte[] bytes) {
        return address(bytes.length == 16, bytes).toString();
    }

    private static IpAddress address(boolean ipv6, byte[] bytes) {
        if (!ipv6) {
            return IpAddress.ofIpv4(
                    (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF));
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (bytes[i] & 0xFF);
            low = low << 8 | (bytes[8 + i] & 0xFF);
        }
        return new IpAddress(high, low);
    }
}
