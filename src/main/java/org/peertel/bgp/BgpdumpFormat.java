package org.peertel.bgp;

import java.io.IOException;
import java.util.List;

/**
 * Writes entries in bgpdump's one-line form ({@code bgpdump -m}), one line per prefix:
 *
 * <pre>
 * BGP4MP|time|A|peer_ip|peer_as|prefix|as_path|origin|next_hop|local_pref|med|communities|AG or NAG|aggregator|
 * BGP4MP|time|W|peer_ip|peer_as|prefix
 * BGP4MP|time|STATE|peer_ip|peer_as|old_state|new_state
 * TABLE_DUMP2|time|B|peer_ip|peer_as|prefix|as_path|origin|next_hop|local_pref|med|communities|AG or NAG|aggregator|
 * </pre>
 *
 * The first field says the record kind: {@code BGP4MP_ET} has microseconds in the time ({@code 1445565678.509481}),
 * {@code _LOCAL} marks messages the collector sent, {@code _AP} and {@code TABLE_DUMP2_AP} add the ADD-PATH path id
 * after the prefix, {@code TABLE_DUMP} is the version-1 RIB. A missing LOCAL_PREF or MED is 0, a missing NEXT_HOP
 * {@code 255.255.255.255}. The quirks of bgpdump's columns are kept, so that the text equals its own: an announcement
 * from MP_REACH_NLRI whose next hop is none of 4, 16 or 32 bytes has no as_path to med columns at all for IPv6 and no
 * next_hop to med columns for IPv4, and an IPv4 one from MP_REACH_NLRI prints LOCAL_PREF and MED as signed numbers.
 * Withdrawals and announcements follow bgpdump's order: classic, then MP by family (IPv4, IPv6) and SAFI (1, 2, 3).
 * Multicast (SAFI 2) prefixes get ordinary rows with nothing to mark them, as bgpdump writes them for updates; the
 * TABLE_DUMP_V2 multicast RIB subtypes get no line at all, as bgpdump skips them.
 */
public final class BgpdumpFormat {

    private static final int[] SAFIS = {1, 2, 3}; // unicast, multicast, both: bgpdump's order
    private static final int[] AFIS = {MrtTypes.AFI_IP, MrtTypes.AFI_IP6};
    private static final String NO_ADDRESS = "255.255.255.255";

    private BgpdumpFormat() {}

    /** Appends the entry's lines (none for peer index tables, OPEN, NOTIFICATION and KEEPALIVE). */
    public static void write(MrtEntry entry, Appendable out) throws IOException {
        if (entry instanceof BgpUpdate update) {
            update(update, out);
        } else if (entry instanceof BgpStateChange change) {
            stateChange(change, out);
        } else if (entry instanceof TableDumpRoute route) {
            tableDump(route, out);
        } else if (entry instanceof RibRecord rib && rib.safi() == MrtTypes.SAFI_UNICAST) {
            rib(rib, out);
        }
    }

    private static String time(MrtRecord record) {
        return record.extendedTimestamp()
                ? record.seconds() + "." + String.format("%06d", record.microseconds())
                : Long.toString(record.seconds());
    }

    private static String address(boolean ipv6, byte[] address) {
        return ipv6 ? IpText.ipv6(address) : IpText.ipv4(address);
    }

    private static void stateChange(BgpStateChange change, Appendable out) throws IOException {
        String kind = change.record().extendedTimestamp() ? "BGP4MP_ET" : "BGP4MP";
        out.append(kind)
                .append('|')
                .append(time(change.record()))
                .append("|STATE|")
                .append(address(change.ipv6(), change.peerAddress()))
                .append('|')
                .append(Long.toString(change.peerAs()))
                .append('|')
                .append(Integer.toString(change.oldState()))
                .append('|')
                .append(Integer.toString(change.newState()))
                .append('\n');
    }

    private static void update(BgpUpdate update, Appendable out) throws IOException {
        String kind = "BGP4MP"
                + (update.record().extendedTimestamp() ? "_ET" : "")
                + (update.local() ? "_LOCAL" : "")
                + (update.addPath() ? "_AP" : "");
        String peer = address(update.ipv6(), update.peerAddress()) + "|" + update.peerAs() + "|";
        String withdrawal = kind + "|" + time(update.record()) + "|W|" + peer;
        String announcement = kind + "|" + time(update.record()) + "|A|" + peer;
        PathAttributes attributes = update.attributes();
        withdrawals(update.withdrawn(), withdrawal, update.addPath(), out);
        for (int afi : AFIS) {
            for (int safi : SAFIS) {
                MpUnreach unreach = attributes.unreach(afi, safi);
                if (unreach != null) {
                    withdrawals(unreach.prefixes(), withdrawal, update.addPath(), out);
                }
            }
        }
        // the columns after the prefix (and path id) are the same for every prefix of the message: built once
        String path = pathText(attributes) + "|" + origin(attributes) + "|";
        String tail = tail(attributes);
        String classic = path + nextHop(attributes) + "|" + localPref(attributes) + "|" + med(attributes) + "|" + tail;
        announcements(update.announced(), announcement, update.addPath(), classic, out);
        for (int safi : SAFIS) {
            MpReach reach = attributes.reach(MrtTypes.AFI_IP, safi);
            if (reach != null) {
                String nextHop = reach.nextHopText();
                String columns = nextHop == null // bgpdump prints local_pref and med as signed numbers here
                        ? path + tail
                        : path + nextHop + "|" + (int) localPref(attributes) + "|" + (int) med(attributes) + "|" + tail;
                announcements(reach.prefixes(), announcement, update.addPath(), columns, out);
            }
        }
        for (int safi : SAFIS) {
            MpReach reach = attributes.reach(MrtTypes.AFI_IP6, safi);
            if (reach != null) {
                String nextHop = reach.nextHopText();
                String columns = nextHop == null
                        ? tail
                        : path + nextHop + "|" + localPref(attributes) + "|" + med(attributes) + "|" + tail;
                announcements(reach.prefixes(), announcement, update.addPath(), columns, out);
            }
        }
    }

    private static void announcements(
            List<NlriPrefix> prefixes, String start, boolean addPath, String columns, Appendable out)
            throws IOException {
        for (NlriPrefix prefix : prefixes) {
            out.append(start).append(prefix.text()).append('|');
            if (addPath) {
                out.append(Long.toString(prefix.pathId())).append('|');
            }
            out.append(columns).append('\n');
        }
    }

    private static void withdrawals(List<NlriPrefix> prefixes, String start, boolean addPath, Appendable out)
            throws IOException {
        for (NlriPrefix prefix : prefixes) {
            out.append(start).append(prefix.text());
            if (addPath) {
                out.append('|').append(Long.toString(prefix.pathId()));
            }
            out.append('\n');
        }
    }

    private static void tableDump(TableDumpRoute route, Appendable out) throws IOException {
        PathAttributes attributes = route.attributes();
        MpReach ipv6 = attributes.has(PathAttributes.MP_REACH_NLRI)
                ? attributes.reach(MrtTypes.AFI_IP6, MrtTypes.SAFI_UNICAST)
                : null;
        String nextHop =
                ipv6 != null && ipv6.nextHop().length == 16 ? IpText.ipv6(ipv6.nextHop()) : nextHop(attributes);
        out.append("TABLE_DUMP|")
                .append(time(route.record()))
                .append("|B|")
                .append(address(route.ipv6(), route.peerAddress()))
                .append('|')
                .append(Long.toString(route.peerAs()))
                .append('|')
                .append(route.prefix().text())
                .append('|');
        route(attributes, nextHop, out);
    }

    private static void rib(RibRecord rib, Appendable out) throws IOException {
        String start = (rib.addPath() ? "TABLE_DUMP2_AP|" : "TABLE_DUMP2|") + time(rib.record()) + "|B|";
        for (RibRecord.Entry entry : rib.entries()) {
            PathAttributes attributes = entry.attributes();
            out.append(start)
                    .append(address(entry.peer().ipv6(), entry.peer().address()))
                    .append('|')
                    .append(Long.toString(entry.peer().as()))
                    .append('|')
                    .append(rib.prefix().text())
                    .append('|');
            if (rib.addPath()) {
                out.append(Long.toString(entry.pathId())).append('|');
            }
            route(attributes, ribNextHop(attributes), out);
        }
    }

    /** The RIB next hop: from the (abbreviated) MP_REACH_NLRI of IPv6, then of IPv4 unicast, else NEXT_HOP. */
    private static String ribNextHop(PathAttributes attributes) {
        if (attributes.has(PathAttributes.MP_REACH_NLRI)) {
            for (int afi : new int[] {MrtTypes.AFI_IP6, MrtTypes.AFI_IP}) {
                MpReach reach = attributes.reach(afi, MrtTypes.SAFI_UNICAST);
                if (reach != null) {
                    String text = reach.nextHopText();
                    return text == null ? "" : text;
                }
            }
        }
        return nextHop(attributes);
    }

    private static void route(PathAttributes attributes, String nextHop, Appendable out) throws IOException {
        out.append(pathText(attributes))
                .append('|')
                .append(origin(attributes))
                .append('|')
                .append(nextHop)
                .append('|')
                .append(Long.toString(localPref(attributes)))
                .append('|')
                .append(Long.toString(med(attributes)))
                .append('|')
                .append(tail(attributes))
                .append('\n');
    }

    /** The columns after med: communities, AG or NAG, aggregator, each ended by '|'. */
    private static String tail(PathAttributes attributes) {
        StringBuilder tail = new StringBuilder();
        if (attributes.communities() != null) {
            tail.append(attributes.communities());
        }
        tail.append('|')
                .append(attributes.has(PathAttributes.ATOMIC_AGGREGATE) ? "AG" : "NAG")
                .append('|');
        byte[] aggregator = attributes.aggregatorAddress();
        if (aggregator != null && !NO_ADDRESS.equals(IpText.ipv4(aggregator))) {
            tail.append(attributes.aggregatorAs()).append(' ').append(IpText.ipv4(aggregator));
        }
        return tail.append('|').toString();
    }

    private static String pathText(PathAttributes attributes) {
        return attributes.asPath() == null ? "" : attributes.asPath().text();
    }

    private static String origin(PathAttributes attributes) {
        return switch (attributes.origin()) {
            case 0 -> "IGP";
            case 1 -> "EGP";
            default -> "INCOMPLETE";
        };
    }

    private static String nextHop(PathAttributes attributes) {
        return attributes.nextHop() == null ? NO_ADDRESS : IpText.ipv4(attributes.nextHop());
    }

    private static long localPref(PathAttributes attributes) {
        return attributes.has(PathAttributes.LOCAL_PREF) ? attributes.localPref() : 0;
    }

    private static long med(PathAttributes attributes) {
        return attributes.has(PathAttributes.MULTI_EXIT_DISC) ? attributes.med() : 0;
    }
}
