package org.peertel.routing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peertel.bgp.BgpUpdate;
import org.peertel.bgp.MpReach;
import org.peertel.bgp.MpUnreach;
import org.peertel.bgp.MrtDecoder;
import org.peertel.bgp.MrtEntry;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;
import org.peertel.bgp.MrtRecord;
import org.peertel.bgp.NlriPrefix;
import org.peertel.bgp.RibRecord;
import org.peertel.bgp.TableDumpRoute;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;

/**
 * The route changes of one file as lists of text, to compare the MRT form with the bgpdump text form: a held route
 * (RIB) is written {@code "held " + change}.
 */
final class MrtChangeLists {

    private static final int MULTICAST = 2;
    private static final int UNICAST_AND_MULTICAST = 3;

    /** One file's changes; for MRT also the changes its multicast prefixes would be if they were unicast. */
    record Lists(List<String> changes, List<String> multicast, Map<String, Integer> rejects) {}

    private MrtChangeLists() {}

    static Lists mrt(Path file) throws IOException {
        List<String> changes = new ArrayList<>();
        List<String> multicast = new ArrayList<>();
        MrtReadReport report = new MrtReadReport();
        MrtDecoder decoder = new MrtDecoder(report);
        try (InputStream in = MrtReader.open(file);
                MrtReader reader = new MrtReader(in, report)) {
            MrtRecord record;
            while ((record = reader.next()) != null) {
                MrtEntry entry = decoder.decode(record);
                if (entry != null) {
                    String kind = entry instanceof RibRecord || entry instanceof TableDumpRoute ? "held " : "";
                    MrtRouteChanges.of(entry, change -> changes.add(kind + change));
                    if (entry instanceof BgpUpdate update && !update.local()) {
                        multicast(update, multicast);
                    }
                }
            }
        }
        return new Lists(changes, multicast, Map.of());
    }

    /** The changes bgpdump's text gives for the update's SAFI 2 and 3 prefixes, printed like unicast ones. */
    private static void multicast(BgpUpdate update, List<String> out) throws IOException {
        Instant time =
                Instant.ofEpochSecond(update.record().seconds(), update.record().microseconds() * 1000L);
        Peer peer = new Peer(address(update.peerAddress()), update.peerAs());
        for (int afi : new int[] {1, 2}) {
            for (int safi : new int[] {MULTICAST, UNICAST_AND_MULTICAST}) {
                MpUnreach unreach = update.attributes().unreach(afi, safi);
                if (unreach != null) {
                    for (NlriPrefix prefix : unreach.prefixes()) {
                        out.add(new RouteChange.Withdraw(time, peer, Prefix.parse(prefix.text())).toString());
                    }
                }
                MpReach reach = update.attributes().reach(afi, safi);
                if (reach != null && update.attributes().asPath() != null) {
                    for (NlriPrefix prefix : reach.prefixes()) {
                        String path = update.attributes().asPath().text();
                        out.add(new RouteChange.Announce(
                                        time, peer, Prefix.parse(prefix.text()), path, BgpdumpTextChanges.origin(path))
                                .toString());
                    }
                }
            }
        }
    }

    private static String address(byte[] bytes) throws IOException {
        return IpAddress.parse(InetAddress.getByAddress(bytes).getHostAddress()).toString();
    }

    static Lists text(Path file) throws IOException {
        List<String> changes = new ArrayList<>();
        Map<String, Integer> rejects = new TreeMap<>();
        BgpdumpTextChanges.read(
                file,
                held -> changes.add("held " + held),
                change -> changes.add(change.toString()),
                (offset, reason) -> rejects.merge(reason, 1, Integer::sum));
        return new Lists(changes, List.of(), rejects);
    }

    /** The elements of {@code a} not in {@code b}, counting repeats, in a's order. */
    static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> left = new HashMap<>();
        b.forEach(s -> left.merge(s, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String s : a) {
            Integer n = left.get(s);
            if (n == null || n == 0) {
                out.add(s);
            } else {
                left.put(s, n - 1);
            }
        }
        return out;
    }
}
