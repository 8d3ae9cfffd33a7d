package org.peertel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peertel.bgp.MrtDecoder;
import org.peertel.bgp.MrtEntry;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;
import org.peertel.bgp.MrtRecord;
import org.peertel.prefix.Prefix;

/**
 * The YouTube hijack of 2008-02-24, replayed from RouteViews' update files of that evening (route-views2, 42 peers;
 * shared test data, skipped without it): Pakistan Telecom (AS17557) announced 208.65.153.0/24 inside YouTube's
 * 208.65.152.0/22 (AS36561) from 18:47:57Z until 21:01:34Z. With YouTube's /22 registered and 3 peers for an event,
 * that is exactly one more-specific hijack; YouTube's own /24 and /25s answering it are announcements, not hijacks.
 * Two days earlier one peer saw 208.65.156.0/22 from AS35937: inside a registered /21, not inside the /22.
 */
class YouTubeHijackTest {

    static final Path UPDATES = Path.of("../shared/testdata/bgp/youtube-2008-routeviews/mrt");
    static final LocalDate DAY = LocalDate.parse("2008-02-24");

    @Test
    void theSubPrefixHijackIsOneEventFromItsFirstToItsLastPeer() throws IOException {
        assumeTrue(Files.isDirectory(UPDATES), "no shared test data at " + UPDATES.toAbsolutePath());
        Watch youtube = new Watch("google", "youtube", Prefix.parse("208.65.152.0/22"), List.of(36561L));
        DayReplay day = new DayReplay(DAY, WatchedPrefixes.ofWatches(List.of(youtube)), EventSettings.DEFAULTS);

        for (Path file : files("updates.20080224.")) {
            replay(file, day);
        }
        List<PrefixEvent> events = day.events();

        assertThat(events)
                .filteredOn(e -> e.type() == EventType.MORE_SPECIFIC)
                .extracting(e -> e.prefix() + " origin " + e.origin() + " " + e.startTime() + " .. " + e.endTime()
                        + " peers " + e.peersMax())
                .containsExactly("208.65.153.0/24 origin 17557 2008-02-24T18:47:57Z .. 2008-02-24T21:01:34Z peers 42");
        assertThat(events).filteredOn(e -> e.type() == EventType.ORIGIN_CHANGE).isEmpty();
        assertThat(events)
                .filteredOn(e -> e.type() == EventType.ANNOUNCEMENT)
                .extracting(e -> e.prefix().toString() + " " + e.origin())
                .contains("208.65.153.0/24 36561")
                .allSatisfy(row -> assertThat(row).endsWith(" 36561"));
    }

    @Test
    void onTheTwentySecondOnePeerSawAnotherOriginInsideTheSlash21ButNotInsideTheSlash22() throws IOException {
        assumeTrue(Files.isDirectory(UPDATES), "no shared test data at " + UPDATES.toAbsolutePath());
        LocalDate earlier = LocalDate.parse("2008-02-22");
        EventSettings onePeer = new EventSettings(1, EventSettings.DEFAULTS.visibilityMinPeers());
        Watch slash21 = new Watch("google", "yt-21", Prefix.parse("208.65.152.0/21"), List.of(36561L));
        Watch slash22 = new Watch("google2", "yt-22", Prefix.parse("208.65.152.0/22"), List.of(36561L));

        List<String> hijacks = new java.util.ArrayList<>();
        for (Watch watch : List.of(slash21, slash22)) {
            DayReplay day = new DayReplay(earlier, WatchedPrefixes.ofWatches(List.of(watch)), onePeer);
            for (Path file : files("updates.20080222.")) {
                replay(file, day);
            }
            day.events().stream()
                    .filter(e -> e.type() == EventType.MORE_SPECIFIC || e.type() == EventType.ORIGIN_CHANGE)
                    .forEach(e -> hijacks.add(watch.connectionId() + " " + e.prefix() + " origin " + e.origin()
                            + " peers " + e.peersMax()));
        }

        assertThat(hijacks).containsExactly("yt-21 208.65.156.0/22 origin 35937 peers 1");
    }

    private static List<Path> files(String prefix) throws IOException {
        try (Stream<Path> list = Files.list(UPDATES)) {
            return list.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    private static void replay(Path file, DayReplay day) throws IOException {
        MrtReadReport report = new MrtReadReport();
        MrtDecoder decoder = new MrtDecoder(report);
        try (InputStream in = MrtReader.open(file);
                MrtReader reader = new MrtReader(in, report)) {
            MrtRecord record;
            while ((record = reader.next()) != null) {
                MrtEntry entry = decoder.decode(record);
                if (entry != null) {
                    MrtRouteChanges.of(entry, day::apply);
                }
            }
        }
    }
}
