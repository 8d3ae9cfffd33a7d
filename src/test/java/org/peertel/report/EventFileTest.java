package org.peertel.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.prefix.Prefix;
import org.peertel.routing.DayReplay;
import org.peertel.routing.EventSettings;
import org.peertel.routing.Origin;
import org.peertel.routing.Peer;
import org.peertel.routing.RouteChange;
import org.peertel.routing.Watch;
import org.peertel.routing.WatchedPrefixes;

/** The events file of a day and each customer's own, from a replayed day with a hijack of one customer's prefix. */
class EventFileTest {

    static final LocalDate DAY = LocalDate.parse("2008-02-24");

    @TempDir
    Path out;

    @Test
    void theDaysFileHoldsEveryRowAndEachCustomersFileItsOwnOnly() throws Exception {
        // given: youtube's /22 hijacked by a /24 from 3 peers, one at a fraction of a second; acme quiet
        Watch youtube = new Watch("google", "youtube", Prefix.parse("208.65.152.0/22"), List.of(36561L));
        Watch acme = new Watch("acme", "acme-1", Prefix.parse("198.51.100.0/24"), List.of(64501L, 64502L));
        DayReplay day = new DayReplay(DAY, WatchedPrefixes.ofWatches(List.of(youtube, acme)), EventSettings.DEFAULTS);
        Instant start = Instant.parse("2008-02-24T18:47:57Z");
        for (int p = 1; p <= 3; p++) {
            day.apply(new RouteChange.Announce(
                    start.plusMillis(500L * (p - 1)),
                    new Peer("192.0.2." + p, 3000 + p),
                    Prefix.parse("208.65.153.0/24"),
                    "3491 17557",
                    Origin.of(17557)));
        }

        // when
        EventFile.write(new OutputLayout(out), DAY, day.events(), List.of("acme", "google", "initech"));

        // then
        String header = "event_id,date,customer_id,connection_id,registered_prefix,prefix,event_type,level,start_time,"
                + "quorum_time,end_time,origin_asn,allowed_origins,peers_max,announcements,example_path,summary\n";
        String acmeRow =
                "2008-02-24/acme-1/PrefixActivePath/198.51.100.0/24/-/1,2008-02-24,acme,acme-1,198.51.100.0/24,"
                        + "198.51.100.0/24,PrefixActivePath,Information,,,,,64501 64502,0,0,,held by no peer at the day's end\n";
        String youtubeRows = "2008-02-24/youtube/PrefixMoreSpecificOriginAsEvent/208.65.153.0/24/17557/1,2008-02-24,"
                + "google,youtube,208.65.152.0/22,208.65.153.0/24,PrefixMoreSpecificOriginAsEvent,Critical,"
                + "2008-02-24T18:47:57Z,2008-02-24T18:47:58Z,,17557,36561,3,3,3491 17557,"
                + "\"208.65.153.0/24, a more-specific of 208.65.152.0/22, held with origin 17557, not one of 36561, by "
                + "up to 3 peers\"\n"
                + "2008-02-24/youtube/PrefixActivePath/208.65.152.0/22/-/1,2008-02-24,google,youtube,208.65.152.0/22,"
                + "208.65.152.0/22,PrefixActivePath,Information,,,,,36561,0,0,,held by no peer at the day's end\n";
        assertThat(out.resolve("events/2008-02-24.csv")).hasContent(header + acmeRow + youtubeRows);
        assertThat(out.resolve("reports/google/2008-02-24-events.csv")).hasContent(header + youtubeRows);
        assertThat(out.resolve("reports/acme/2008-02-24-events.csv")).hasContent(header + acmeRow);
        assertThat(out.resolve("reports/initech/2008-02-24-events.csv")).hasContent(header);
        assertThat(Files.readString(out.resolve("reports/acme/2008-02-24-events.csv")))
                .doesNotContain("youtube");
    }
}
