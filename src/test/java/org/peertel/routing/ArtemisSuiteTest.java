package org.peertel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peertel.prefix.Prefix;
import org.yaml.snakeyaml.Yaml;

/**
 * ARTEMIS's detection suite (FORTH-ICS-INSPIRE/artemis, {@code testing/detection}; shared test data, skipped without
 * it): 24 files of hand-made BGP messages in private address space, each message with the alert ARTEMIS expects
 * after it. The messages are replayed here through the event logic ({@link DayReplay}), not through the registry
 * checks: the monitored prefixes and their origins are read from {@code configs/detection-config.yaml}, each file
 * starts from an empty state (as ARTEMIS's harness clears its own) and is replayed in file order with one peer
 * enough for an event (each message comes from one peer, {@code peer_asn}). After each message we compare what
 * ARTEMIS expects with what the events say at that moment:
 * <ul>
 *   <li>an announcement: E|0 (exact prefix, wrong origin) is an open {@code ORIGIN_CHANGE} of that prefix and
 *       origin, S|0 (sub-prefix, wrong origin) an open {@code MORE_SPECIFIC}, no hijack an open
 *       {@code ANNOUNCEMENT} (and no Critical event for the message's origin);</li>
 *   <li>when ARTEMIS's stored hijack says {@code active} or {@code withdrawn}: whether a Critical event of the file
 *       is still open, or every one has ended.</li>
 * </ul>
 * Every other type ARTEMIS knows is outside what the events claim (they judge origins only): E|1 and S|1 (an
 * unexpected first-hop neighbour), E|-|-|L (a route leak: a no-export community seen), S|-|-|- (a sub-prefix of a
 * prefix whose origin is {@code '*'}) and Q|0 (squatting: a prefix whose rule has no origins). For those the test
 * states what we do instead: an announcement, as for any allowed or unjudged origin.
 *
 * <table>
 *   <caption>What each detection file contributes (85 messages: 66 alike, 19 differ: 12 out of scope, 4
 *   prefix operators, 3 the end of a hijack)</caption>
 *   <tr><th>file</th><th>what it checks here</th></tr>
 *   <tr><td>simple_exact_type0, mult_exact_type0, prepend_loops, community_annotation</td>
 *       <td>E|0 on IPv4 and IPv6, several peers, a prepended and a looped path (origin = last AS), several
 *       hijackers of one prefix: all found as ORIGIN_CHANGE</td></tr>
 *   <tr><td>simple_sub_type0, wildcard_checks (0-2)</td><td>S|0 on IPv4 and IPv6 and E|0 of a /24: found</td></tr>
 *   <tr><td>legit_updates, as_set, as_range_tests (0, 1), multirule_prefix (0, 3)</td><td>no hijack: an
 *       announcement; an origin inside an AS range (300-310) is allowed</td></tr>
 *   <tr><td>implicit_withdrawal, out_of_order_withdraw, out_of_order_withdraw_same_peer, withdrawn_complex</td>
 *       <td>a hijack ends when its last peer leaves it (by withdrawal or by a new route): agrees with ARTEMIS's
 *       active/withdrawn after every message</td></tr>
 *   <tr><td>rfc2622</td><td>differs: ARTEMIS expands prefix operators ({@code ^-}, {@code ^+}, {@code ^24},
 *       {@code ^20-24}) into exact prefixes, so a /24 inside is E|0; our registry has no operators, the rule's
 *       prefix is registered and the /24 is a MORE_SPECIFIC of it (same prefix, same hijacker)</td></tr>
 *   <tr><td>implicit_withdrawal_subprefix</td><td>differs: ARTEMIS counts a legitimate /9 from a peer as that
 *       peer leaving the /8 hijack; in BGP the peer still holds its /8 route, so ours stays open</td></tr>
 *   <tr><td>withdrawn_inorder, withdrawn_threshold</td><td>differs: ARTEMIS marks the hijack withdrawn while one
 *       peer still holds it (its own threshold); ours ends when the last peer leaves (withdrawn_inorder: at its
 *       last message) or stays open (withdrawn_threshold: peer 80 never withdraws)</td></tr>
 *   <tr><td>simple_exact_type1, mult_exact_type1, simple_sub_type1, as_range_tests (2), wildcard_checks (3),
 *       multirule_prefix (1, 2), simple_exact_no_export_violation, single_sub_unknown, squatting_type0</td>
 *       <td>out of scope (E|1, S|1, E|-|-|L, S|-|-|-, Q|0): an announcement here</td></tr>
 * </table>
 */
class ArtemisSuiteTest {

    static final Path SUITE = Path.of("../shared/testdata/bgp/artemis-tests");
    /** The suite's timestamps are small numbers of seconds: its messages all fall on the first day of 1970. */
    static final LocalDate DAY = LocalDate.EPOCH;

    static final EventSettings ONE_PEER = new EventSettings(1, EventSettings.DEFAULTS.visibilityMinPeers());
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theConfigsRulesBecomeWatchesWithTheirOriginsOperatorsDroppedStarAndNoneUnjudged() throws IOException {
        assumeTrue(Files.isDirectory(SUITE), "no shared test data at " + SUITE.toAbsolutePath());

        List<Watch> watches = watches(SUITE.resolve("configs/detection-config.yaml"));

        assertThat(watches)
                .extracting(w -> w.connectionId() + " " + w.prefix() + " " + w.allowedOrigins())
                .containsExactly(
                        "rule-1 10.0.0.0/8 [1]",
                        "rule-1 11.0.0.0/8 [1]",
                        "rule-1 11.0.0.0/9 [1]",
                        "rule-1 11.128.0.0/9 [1]",
                        "rule-2 10.0.0.0/16 []", // no origin_asns: ARTEMIS's squatting check
                        "rule-3 10.0.1.0/24 []", // origin_asns '*': any origin
                        "rule-4 10.0.2.0/24 [242]",
                        "rule-5 10.0.3.0/24 [243]",
                        "rule-6 10.0.4.0/24 [244]",
                        "rule-7 10.0.5.0/24 [245]",
                        "rule-8 10.10.0.0/23 [444]", // 10.10.0.0/23^-
                        "rule-8 10.11.0.0/23 [444]", // 10.11.0.0/23^+
                        "rule-8 10.12.0.0/16 [444]", // 10.12.0.0/16^24
                        "rule-8 10.13.0.0/16 [444]", // 10.13.0.0/16^20-24
                        "rule-9 10.0.6.0/24 "
                                + LongStream.rangeClosed(300, 310).boxed().toList(), // '300- 310'
                        "rule-10 10.0.20.0/24 [555]",
                        "rule-11 10.0.30.0/24 [6777]",
                        "rule-12 2001:db8:abcd:10::/64 [777, 888, 999]",
                        "rule-12 2001:db8:abcd:11::/64 [777, 888, 999]",
                        "rule-12 2001:db8:abcd:12::/64 [777, 888, 999]",
                        "rule-13 10.0.40.0/24 [1000]",
                        "rule-14 10.0.40.0/24 [1000]");
    }

    @Test
    void everyExactAndSubPrefixHijackIsFoundAndEveryDifferenceIsAKnownOne() throws IOException {
        assumeTrue(Files.isDirectory(SUITE), "no shared test data at " + SUITE.toAbsolutePath());
        WatchedPrefixes watched = WatchedPrefixes.ofWatches(watches(SUITE.resolve("configs/detection-config.yaml")));

        List<String> alike = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        for (Path file : detectionFiles()) {
            List<JsonNode> messages = new ArrayList<>();
            JSON.readTree(file.toFile()).forEach(messages::add);
            for (int i = 0; i < messages.size(); i++) {
                List<PrefixEvent> events = eventsAfter(messages, i, watched);
                JsonNode message = messages.get(i);
                String name = file.getFileName().toString().replace(".json", "") + "#" + i;
                String artemis = artemis(message, events);
                String ours = ours(message.get("send"), events);
                (artemis.equals(ours) ? alike : differ).add(name + " ARTEMIS " + artemis + " | ours " + ours);
            }
        }

        assertThat(alike)
                .hasSize(66)
                .filteredOn(row -> row.contains("ORIGIN_CHANGE") || row.contains("MORE_SPECIFIC"))
                .hasSize(41); // 37 E|0 and 4 S|0: every one not in rfc2622
        assertThat(differ)
                .containsExactly(
                        // our watches take no first-hop neighbour, no-export policy, '*' sub-prefix or squatting rule
                        "as_range_tests#2 ARTEMIS E|1|-|- 2, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "implicit_withdrawal_subprefix#3 ARTEMIS ANNOUNCEMENT, hijacks ended | ours ANNOUNCEMENT,"
                                + " hijacks open", // a /9 does not replace the peer's /8 route
                        "mult_exact_type1#0 ARTEMIS E|1|-|- 100, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "mult_exact_type1#1 ARTEMIS E|1|-|- 100, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "mult_exact_type1#2 ARTEMIS E|1|-|- 100, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "multirule_prefix#1 ARTEMIS E|1|-|- 1005, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "multirule_prefix#2 ARTEMIS E|-|-|L 1003, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        // no prefix operators in our registry: the rule's prefix is registered, a /24 inside is
                        // a more-specific of it
                        "rfc2622#0 ARTEMIS ORIGIN_CHANGE 200, hijacks open | ours MORE_SPECIFIC 200, hijacks open",
                        "rfc2622#1 ARTEMIS ORIGIN_CHANGE 201, hijacks open | ours MORE_SPECIFIC 201, hijacks open",
                        "rfc2622#2 ARTEMIS ORIGIN_CHANGE 202, hijacks open | ours MORE_SPECIFIC 202, hijacks open",
                        "rfc2622#3 ARTEMIS ORIGIN_CHANGE 203, hijacks open | ours MORE_SPECIFIC 203, hijacks open",
                        "simple_exact_no_export_violation#0 ARTEMIS E|-|-|L 1, hijacks open | ours ANNOUNCEMENT,"
                                + " hijacks none",
                        "simple_exact_type1#0 ARTEMIS E|1|-|- 100, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "simple_sub_type1#0 ARTEMIS S|1|-|- 100, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "single_sub_unknown#0 ARTEMIS S|-|-|- -1, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "squatting_type0#0 ARTEMIS Q|0|-|- 100, hijacks open | ours ANNOUNCEMENT, hijacks none",
                        "wildcard_checks#3 ARTEMIS S|1|-|- 100, hijacks open | ours ANNOUNCEMENT, hijacks open",
                        // ARTEMIS calls a hijack withdrawn while one peer still holds it; ours ends with its last
                        "withdrawn_inorder#4 ARTEMIS W, hijacks ended | ours W, hijacks open",
                        "withdrawn_threshold#10 ARTEMIS W, hijacks ended | ours W, hijacks open");
    }

    /** The watches of the config's rules, in rule order: a rule's origins judge each of its prefixes. */
    static List<Watch> watches(Path config) throws IOException {
        Map<String, Object> yaml;
        try (InputStream in = Files.newInputStream(config)) {
            yaml = new Yaml().load(in);
        }
        List<Watch> watches = new ArrayList<>();
        List<?> rules = (List<?>) yaml.get("rules");
        for (int r = 0; r < rules.size(); r++) {
            Map<?, ?> rule = (Map<?, ?>) rules.get(r);
            List<Long> origins = origins(rule.get("origin_asns"));
            for (String prefix : leaves(rule.get("prefixes"))) {
                // ARTEMIS's RFC 2622 operators (^-, ^+, ^n, ^n-m) have no counterpart: the prefix itself is watched
                String withoutOperator = prefix.contains("^") ? prefix.substring(0, prefix.indexOf('^')) : prefix;
                watches.add(new Watch("artemis", "rule-" + (r + 1), Prefix.parse(withoutOperator), origins));
            }
        }
        return watches;
    }

    /** No origins ({@code '*'}, or none given) judge nothing; a range such as {@code '300- 310'} is every AS in it. */
    private static List<Long> origins(Object node) {
        if (node == null || "*".equals(node)) {
            return List.of();
        }
        List<Long> origins = new ArrayList<>();
        for (String leaf : leaves(node)) {
            String[] range = leaf.split("-");
            long first = Long.parseLong(range[0].trim());
            long last = range.length == 2 ? Long.parseLong(range[1].trim()) : first;
            LongStream.rangeClosed(first, last).forEach(origins::add);
        }
        return origins;
    }

    /** The config's lists are lists of anchored lists: every value in them, in order. */
    private static List<String> leaves(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().flatMap(item -> leaves(item).stream()).toList();
        }
        return List.of(String.valueOf(node));
    }

    private static List<Path> detectionFiles() throws IOException {
        try (Stream<Path> files = Files.list(SUITE.resolve("detection"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The day's events after the file's messages up to {@code last}, from an empty state. */
    private static List<PrefixEvent> eventsAfter(List<JsonNode> messages, int last, WatchedPrefixes watched) {
        DayReplay day = new DayReplay(DAY, watched, ONE_PEER);
        for (int i = 0; i <= last; i++) {
            day.apply(change(messages.get(i).get("send")));
        }
        return day.events();
    }

    private static RouteChange change(JsonNode send) {
        Instant time = Instant.ofEpochSecond(send.get("timestamp").asLong());
        long peerAs = send.get("peer_asn").asLong();
        Peer peer = new Peer("AS" + peerAs, peerAs);
        Prefix prefix = Prefix.parse(send.get("prefix").asText());
        if ("W".equals(send.get("type").asText())) {
            return new RouteChange.Withdraw(time, peer, prefix);
        }
        List<Long> path = new ArrayList<>();
        send.get("path").forEach(as -> path.add(as.asLong()));
        String text = path.stream().map(String::valueOf).collect(Collectors.joining(" "));
        return new RouteChange.Announce(time, peer, prefix, text, Origin.of(path.get(path.size() - 1)));
    }

    /**
     * What ARTEMIS expects after a message, in our words: the state of the message's route, and whether its stored
     * hijack is open or ended (when the file says; otherwise what we have, so only the state is compared).
     */
    private static String artemis(JsonNode message, List<PrefixEvent> ours) {
        JsonNode send = message.get("send");
        String state = "W";
        if (!"W".equals(send.get("type").asText())) {
            JsonNode hijack = message.get("detection_hijack_response");
            String type = hijack == null ? null : hijack.get("type").asText();
            if (type == null) {
                state = "ANNOUNCEMENT";
            } else if (type.equals("E|0|-|-")) {
                state = "ORIGIN_CHANGE " + hijack.get("hijack_as").asLong();
            } else if (type.equals("S|0|-|-")) {
                state = "MORE_SPECIFIC " + hijack.get("hijack_as").asLong();
            } else {
                state = type + " " + hijack.get("hijack_as").asLong(); // a type the events do not claim
            }
        }
        JsonNode stored = message.get("database_hijack_response");
        if (stored != null && stored.isArray()) {
            stored = stored.get(stored.size() - 1); // several rows when a message updated the hijack twice
        }
        String hijacks = hijacks(ours);
        if (stored != null && stored.path("withdrawn").asBoolean(false)) {
            hijacks = "ended";
        } else if (stored != null && stored.path("active").asBoolean(false)) {
            hijacks = "open";
        }
        return state + ", hijacks " + hijacks;
    }

    /** What our events say after a message: the state its route put its peer in, and the file's hijacks. */
    private static String ours(JsonNode send, List<PrefixEvent> events) {
        String state = "W";
        if (!"W".equals(send.get("type").asText())) {
            RouteChange.Announce announce = (RouteChange.Announce) change(send);
            List<String> critical = events.stream()
                    .filter(e -> isCritical(e) && e.endTime() == null)
                    .filter(e ->
                            e.prefix().equals(announce.prefix()) && e.origin().equals(announce.origin()))
                    .map(e -> e.type() + " " + e.origin())
                    .distinct()
                    .toList();
            boolean announced = events.stream()
                    .anyMatch(e -> e.type() == EventType.ANNOUNCEMENT
                            && e.endTime() == null
                            && e.prefix().equals(announce.prefix()));
            state = !critical.isEmpty() ? String.join(" and ", critical) : announced ? "ANNOUNCEMENT" : "nothing";
        }
        return state + ", hijacks " + hijacks(events);
    }

    /** open: a Critical event still runs; ended: there were some, all over; none: there was none. */
    private static String hijacks(List<PrefixEvent> events) {
        List<PrefixEvent> critical =
                events.stream().filter(ArtemisSuiteTest::isCritical).toList();
        if (critical.isEmpty()) {
            return "none";
        }
        return critical.stream().anyMatch(e -> e.endTime() == null) ? "open" : "ended";
    }

    private static boolean isCritical(PrefixEvent event) {
        return event.type() == EventType.ORIGIN_CHANGE || event.type() == EventType.MORE_SPECIFIC;
    }
}
