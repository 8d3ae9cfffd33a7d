package org.peertel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.peertel.prefix.Prefix;

/** The events of a day of route changes, case by case, with hand-made changes and a minimum of 3 peers. */
class DayReplayTest {

    static final LocalDate DAY = LocalDate.parse("2008-02-24");
    static final Prefix P = Prefix.parse("208.65.152.0/22");
    static final Prefix SUB = Prefix.parse("208.65.153.0/24");
    static final Watch YOUTUBE = new Watch("google", "youtube", P, List.of(36561L));
    static final EventSettings SETTINGS = new EventSettings(3, 3);

    @Test
    void aMoreSpecificFromAnotherOriginHeldByEnoughPeersIsOneHijackFromItsFirstToItsLastPeer() {
        DayReplay day = replay(YOUTUBE);
        for (int p = 1; p <= 5; p++) {
            day.apply(announce(p, p, SUB, "3491 17557", 17557));
        }
        for (int p = 1; p <= 5; p++) {
            day.apply(withdraw(10 + p, p, SUB));
        }

        assertThat(rows(day, EventType.MORE_SPECIFIC))
                .containsExactly("2008-02-24/youtube/PrefixMoreSpecificOriginAsEvent/208.65.153.0/24/17557/1 "
                        + "start 00:00:01 quorum 00:00:03 end 00:00:15 peers 5 announcements 5 path 3491 17557 | "
                        + "208.65.153.0/24, a more-specific of 208.65.152.0/22, held with origin 17557, not one of "
                        + "36561, by up to 5 peers");
    }

    @Test
    void belowTheQuorumNothingIsReportedAndTheOwnOriginIsAnAnnouncement() {
        DayReplay day = replay(YOUTUBE);
        day.apply(announce(1, 1, SUB, "3491 17557", 17557));
        day.apply(announce(2, 2, SUB, "3491 17557", 17557));
        for (int p = 3; p <= 6; p++) {
            day.apply(announce(p, p, Prefix.parse("208.65.153.128/25"), "701 36561", 36561));
        }

        assertThat(rows(day, EventType.MORE_SPECIFIC)).isEmpty();
        assertThat(rows(day, EventType.ANNOUNCEMENT))
                .containsExactly("2008-02-24/youtube/PrefixAnnouncementEvent/208.65.153.128/25/36561/1 start 00:00:03 "
                        + "quorum 00:00:05 end - peers 4 announcements 4 path 701 36561 | 208.65.153.128/25, a "
                        + "more-specific of 208.65.152.0/22, held with origin 36561 by up to 4 peers");
    }

    @Test
    void aMoreSpecificRegisteredByAnotherConnectionIsItsOwnNeverAHijackOfTheCoveringPrefix() {
        Watch other = new Watch("acme", "acme-1", SUB, List.of(17557L));
        DayReplay day = replay(YOUTUBE, other);
        for (int p = 1; p <= 3; p++) {
            day.apply(announce(p, p, SUB, "3491 17557", 17557));
        }

        List<PrefixEvent> events = day.events();
        assertThat(events)
                .filteredOn(e -> e.type() != EventType.ACTIVE_PATH)
                .extracting(e -> e.watch().connectionId() + " " + e.type() + " " + e.prefix())
                .containsExactly("acme-1 ANNOUNCEMENT 208.65.153.0/24");
    }

    @Test
    void theExactPrefixFromAnotherOriginIsAnOriginChangeAndAnAsSetWithAnAllowedMemberIsNot() {
        DayReplay day = replay(YOUTUBE);
        for (int p = 1; p <= 3; p++) {
            day.apply(announce(p, p, P, "174 666", 666));
        }
        day.apply(new RouteChange.Announce(
                at(4), peer(4), P, "174 {36561,64512}", new Origin(List.of(36561L, 64512L), true)));

        assertThat(rows(day, EventType.ORIGIN_CHANGE))
                .containsExactly("2008-02-24/youtube/PrefixOriginAsChangeEvent/208.65.152.0/22/666/1 start 00:00:01 "
                        + "quorum 00:00:03 end - peers 3 announcements 3 path 174 666 | 208.65.152.0/22 held with "
                        + "origin 666, not one of 36561, by up to 3 peers");
    }

    @Test
    void eachConnectionOfAGeoRedundantPrefixIsJudgedByItsOwnOrigins() {
        Watch east = new Watch("acme", "east", P, List.of(100L));
        Watch west = new Watch("acme", "west", P, List.of(200L));
        DayReplay day = replay(east, west);
        for (int p = 1; p <= 3; p++) {
            day.apply(announce(p, p, P, "174 200", 200));
        }

        assertThat(day.events())
                .filteredOn(e -> e.type() != EventType.ACTIVE_PATH)
                .extracting(e -> e.watch().connectionId() + " " + e.type())
                .containsExactly("east ORIGIN_CHANGE", "west ANNOUNCEMENT");
    }

    @Test
    void withoutRegisteredOriginsThereIsNoHijackOnlyVisibility() {
        DayReplay day = replay(new Watch("google", "youtube", P, List.of()));
        for (int p = 1; p <= 3; p++) {
            day.apply(announce(p, p, SUB, "3491 17557", 17557));
        }

        assertThat(day.events())
                .extracting(PrefixEvent::type)
                .containsExactly(EventType.ANNOUNCEMENT, EventType.ACTIVE_PATH);
    }

    @Test
    void aWithdrawalRunsFromTheFallBelowTheVisibilityThresholdUntilItIsBack() {
        DayReplay day = replay(YOUTUBE);
        for (int p = 1; p <= 4; p++) {
            day.apply(announce(p, p, P, "701 36561", 36561));
        }
        day.apply(withdraw(10, 1, P)); // 3 peers: still visible
        day.apply(withdraw(11, 2, P)); // 2 peers: below 3
        day.apply(new RouteChange.PeerDown(at(12), peer(3))); // 1 peer
        day.apply(announce(13, 1, P, "701 36561", 36561)); // 2
        day.apply(announce(14, 2, P, "701 36561", 36561)); // 3: back

        assertThat(rows(day, EventType.WITHDRAWAL))
                .containsExactly("2008-02-24/youtube/PrefixWithdrawalEvent/208.65.152.0/22/-/1 start 00:00:11 "
                        + "quorum 00:00:11 end 00:00:14 peers 4 announcements 2 path null | 208.65.152.0/22 held by "
                        + "fewer than 3 peers, down from 4");
    }

    @Test
    void aSessionGoingDownRemovesEveryRouteOfItsPeer() {
        DayReplay day = replay(YOUTUBE);
        for (int p = 1; p <= 3; p++) {
            day.apply(announce(p, p, SUB, "3491 17557", 17557));
        }
        IntStream.rangeClosed(1, 3).forEach(p -> day.apply(new RouteChange.PeerDown(at(20 + p), peer(p))));

        assertThat(day.events())
                .filteredOn(e -> e.type() == EventType.MORE_SPECIFIC)
                .extracting(e -> e.endTime().toString())
                .containsExactly("2008-02-24T00:00:23Z");
    }

    @Test
    void whatTheDayStartsWithIsNotAnnouncedAgainButAHijackAlreadyThereIsReported() {
        DayReplay day = replay(YOUTUBE);
        for (int p = 1; p <= 3; p++) {
            day.startWith(announce(0, p, P, "701 36561", 36561));
            day.startWith(announce(0, p, SUB, "3491 17557", 17557));
        }
        day.apply(announce(5, 4, P, "701 36561", 36561));

        assertThat(day.events())
                .filteredOn(e -> e.type() != EventType.ACTIVE_PATH)
                .extracting(e -> e.type() + " " + e.startTime())
                .containsExactly("MORE_SPECIFIC 2008-02-24T00:00:00Z");
    }

    @Test
    void aHijackThatComesBackIsASecondEventOfTheSameKey() {
        DayReplay day = replay(YOUTUBE);
        for (int round = 0; round < 2; round++) {
            for (int p = 1; p <= 3; p++) {
                day.apply(announce(round * 100 + p, p, SUB, "3491 17557", 17557));
            }
            for (int p = 1; p <= 3; p++) {
                day.apply(withdraw(round * 100 + 10 + p, p, SUB));
            }
        }

        assertThat(day.events())
                .filteredOn(e -> e.type() == EventType.MORE_SPECIFIC)
                .extracting(PrefixEvent::eventId)
                .containsExactly(
                        "2008-02-24/youtube/PrefixMoreSpecificOriginAsEvent/208.65.153.0/24/17557/1",
                        "2008-02-24/youtube/PrefixMoreSpecificOriginAsEvent/208.65.153.0/24/17557/2");
    }

    @Test
    void theActivePathIsTheMostCommonPathAtTheDaysEndTiesToTheSmallestText() {
        DayReplay day = replay(YOUTUBE);
        day.apply(announce(1, 1, P, "701 36561", 36561));
        day.apply(announce(2, 2, P, "3356 36561", 36561));
        day.apply(announce(3, 3, P, "174 36561", 36561));
        day.apply(announce(4, 4, P, "701 36561", 36561));
        day.apply(announce(5, 5, P, "3356 36561", 36561));
        day.apply(announce(6, 3, P, "1299 36561", 36561)); // peer 3 moves: 701 and 3356 twice each, 1299 once

        assertThat(rows(day, EventType.ACTIVE_PATH))
                .containsExactly("2008-02-24/youtube/PrefixActivePath/208.65.152.0/22/-/1 start - quorum - end - "
                        + "peers 5 announcements 6 path 3356 36561 | held by 5 peers at the day's end, origin 36561, "
                        + "most common path 3356 36561");
    }

    @Test
    void aPrefixNoRegisteredPrefixCoversIsIgnored() {
        DayReplay day = replay(YOUTUBE);
        for (int p = 1; p <= 3; p++) {
            day.apply(announce(p, p, Prefix.parse("208.65.0.0/16"), "174 666", 666));
            day.apply(announce(p, p, Prefix.parse("198.51.100.0/24"), "174 666", 666));
        }

        assertThat(day.events()).extracting(PrefixEvent::type).containsExactly(EventType.ACTIVE_PATH);
    }

    private static DayReplay replay(Watch... watches) {
        return new DayReplay(DAY, WatchedPrefixes.ofWatches(List.of(watches)), SETTINGS);
    }

    private static List<String> rows(DayReplay day, EventType type) {
        return day.events().stream()
                .filter(e -> e.type() == type)
                .map(e -> e.eventId() + " start " + time(e.startTime()) + " quorum " + time(e.quorumTime()) + " end "
                        + time(e.endTime()) + " peers " + e.peersMax() + " announcements " + e.announcements()
                        + " path " + e.examplePath() + " | " + e.summary())
                .toList();
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.toString().substring(11, 19);
    }

    private static Instant at(int second) {
        return DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(second);
    }

    private static Peer peer(int n) {
        return new Peer("192.0.2." + n, 64_000 + n);
    }

    private static RouteChange.Announce announce(int second, int peer, Prefix prefix, String path, long origin) {
        return new RouteChange.Announce(at(second), peer(peer), prefix, path, Origin.of(origin));
    }

    private static RouteChange.Withdraw withdraw(int second, int peer, Prefix prefix) {
        return new RouteChange.Withdraw(at(second), peer(peer), prefix);
    }
}
