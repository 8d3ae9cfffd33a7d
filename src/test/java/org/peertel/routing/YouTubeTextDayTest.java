package org.peertel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.bgp.BgpDump;
import org.peertel.bgp.MrtReader;
import org.peertel.prefix.Prefix;

/**
 * The YouTube hijack day (2008-02-24, RouteViews' route-views2; shared test data, skipped without it) read twice by
 * {@link BgpDay}: from its MRT update files and from the same files turned into bgpdump text by {@link BgpDump}
 * (every other one gzip'd). The text day gives the same route changes and the same events, except for the multicast
 * routes: bgpdump prints them like unicast ones, so the text takes them as unicast.
 */
class YouTubeTextDayTest {

    private static final Watch YOUTUBE =
            new Watch("google", "youtube", Prefix.parse("208.65.152.0/22"), List.of(36561L));
    // broader watches, so that the events compared are many: AT&T's /8 judged by its origin, and one without origins
    private static final Watch ATT = new Watch("att", "att-12", Prefix.parse("12.0.0.0/8"), List.of(7018L));
    private static final Watch LEVEL3 = new Watch("level3", "l3-4", Prefix.parse("4.0.0.0/8"), List.of());
    // a prefix this collector's peers hold as multicast only
    private static final Watch MULTICAST = new Watch("uunet", "uunet-157", Prefix.parse("157.130.0.0/16"), List.of());

    @Test
    void theTextDayGivesTheEventsOfTheMrtDayButForTheMulticastRoutes(@TempDir Path dir) throws IOException {
        assumeTrue(
                Files.isDirectory(YouTubeHijackTest.UPDATES),
                "no shared test data at " + YouTubeHijackTest.UPDATES.toAbsolutePath());
        // given the evening's update files, as MRT (links to the shared files) and as bgpdump text
        Path mrtDay = Files.createDirectories(dir.resolve("mrt"));
        Path textDay = Files.createDirectories(dir.resolve("text"));
        List<Path> files = updates();
        assertThat(files).hasSize(15);
        List<Path> texts = new ArrayList<>();
        for (Path file : files) {
            Files.createSymbolicLink(mrtDay.resolve(file.getFileName()), file.toAbsolutePath());
            String name = file.getFileName().toString().replace(".bz2", ".bgpdump.txt");
            Path text = textDay.resolve(texts.size() % 2 == 0 ? name : name + ".gz");
            dump(file, text);
            texts.add(text);
        }
        WatchedPrefixes watched = WatchedPrefixes.ofWatches(List.of(YOUTUBE, ATT, LEVEL3, MULTICAST));

        // when
        BgpDay fromMrt = BgpDay.read(mrtDay, YouTubeHijackTest.DAY, watched, EventSettings.DEFAULTS);
        BgpDay fromText = BgpDay.read(textDay, YouTubeHijackTest.DAY, watched, EventSettings.DEFAULTS);
        unlink(mrtDay, files);

        // then, file by file: the same changes, and in the text also the multicast prefixes' (every file has some)
        for (int i = 0; i < files.size(); i++) {
            MrtChangeLists.Lists mrt = MrtChangeLists.mrt(files.get(i));
            MrtChangeLists.Lists text = MrtChangeLists.text(texts.get(i));
            assertThat(text.rejects()).as(texts.get(i).toString()).isEmpty();
            assertThat(mrt.multicast()).as(files.get(i).toString()).isNotEmpty();
            assertThat(MrtChangeLists.minus(text.changes(), mrt.changes())).isEqualTo(mrt.multicast());
            assertThat(MrtChangeLists.minus(mrt.changes(), text.changes())).isEmpty();
        }
        // the hijack, field by field
        PrefixEvent hijack = only(fromText.events(), YOUTUBE, EventType.MORE_SPECIFIC);
        assertThat(hijack).isEqualTo(only(fromMrt.events(), YOUTUBE, EventType.MORE_SPECIFIC));
        assertThat(hijack.prefix()).isEqualTo(Prefix.parse("208.65.153.0/24"));
        assertThat(hijack.origin()).isEqualTo(Origin.of(17557));
        assertThat(hijack.startTime()).hasToString("2008-02-24T18:47:57Z");
        assertThat(hijack.endTime()).hasToString("2008-02-24T21:01:34Z");
        assertThat(hijack.peersMax()).isEqualTo(42);
        // every event of the unicast watches is the same
        assertThat(of(fromText.events(), YOUTUBE, ATT, LEVEL3))
                .hasSize(36)
                .isEqualTo(of(fromMrt.events(), YOUTUBE, ATT, LEVEL3));
        // 157.130.0.0/16 is multicast only at this collector: no peer holds it as unicast, but the text, where
        // multicast rows look like unicast ones, makes it flap all evening from origin 16517
        assertThat(of(fromMrt.events(), MULTICAST))
                .extracting(e -> e.type() + " " + e.peersMax() + " " + e.summary())
                .containsExactly("ACTIVE_PATH 0 held by no peer at the day's end");
        List<PrefixEvent> multicast = of(fromText.events(), MULTICAST);
        assertThat(multicast).hasSize(57);
        assertThat(multicast.subList(0, 56))
                .allSatisfy(e -> assertThat(e.type() + " " + e.origin()).isEqualTo("ANNOUNCEMENT 16517"));
        assertThat(multicast.get(0).startTime()).hasToString("2008-02-24T18:24:21Z");
        assertThat(multicast.get(56).summary())
                .isEqualTo(
                        "held by 2 peers at the day's end, origin 16517, most common path 3356 1239 2914 3948 16517");
    }

    private static List<PrefixEvent> of(List<PrefixEvent> events, Watch... watches) {
        List<Watch> wanted = List.of(watches);
        return events.stream().filter(e -> wanted.contains(e.watch())).toList();
    }

    /** Removes the links to the shared files before JUnit cleans the folder (it warns about each link). */
    private static void unlink(Path folder, List<Path> files) throws IOException {
        for (Path file : files) {
            Files.delete(folder.resolve(file.getFileName()));
        }
    }

    private static PrefixEvent only(List<PrefixEvent> events, Watch watch, EventType type) {
        List<PrefixEvent> found = new ArrayList<>();
        for (PrefixEvent event : events) {
            if (event.watch().equals(watch) && event.type() == type) {
                found.add(event);
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<Path> updates() throws IOException {
        try (Stream<Path> list = Files.list(YouTubeHijackTest.UPDATES)) {
            return list.filter(f -> f.getFileName().toString().startsWith("updates.20080224."))
                    .sorted()
                    .toList();
        }
    }

    private static void dump(Path mrt, Path text) throws IOException {
        try (InputStream in = MrtReader.open(mrt);
                OutputStream file = Files.newOutputStream(text);
                OutputStream out = text.toString().endsWith(".gz") ? new GZIPOutputStream(file) : file;
                Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII)) {
            BgpDump.dump(in, writer);
        }
    }
}
