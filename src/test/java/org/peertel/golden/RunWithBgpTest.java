package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.store.DuckDbFile;

/**
 * {@code peertel run --bgp}: latency and prefix events of the same days, in one job. The sample week's latency with
 * a registry that adds YouTube's /22 (origin 36561), and one BGP day folder, 2026-11-21, holding RouteViews' update
 * file of 2008-02-24 18:39 (shared test data, linked; skipped without it: the hijack of 208.65.153.0/24 by AS17557
 * starts in it, 385 multicast routes) and a file cut short after its first record.
 */
class RunWithBgpTest {

    static final Path UPDATES = Path.of("../shared/testdata/bgp/youtube-2008-routeviews/mrt/updates.20080224.1839.bz2");
    static final String HIJACK = "2026-11-21/youtube/PrefixMoreSpecificOriginAsEvent/208.65.153.0/24/17557/1,"
            + "2026-11-21,google,youtube,208.65.152.0/22,208.65.153.0/24,PrefixMoreSpecificOriginAsEvent,Critical,"
            + "2008-02-24T18:47:57Z,";

    @TempDir
    Path work;

    @Test
    void theDaysEventsRejectsAndBgpCountsComeWithItsLatencyAndAMissingFolderIsNoFailure() throws Exception {
        assumeTrue(Files.isRegularFile(UPDATES), "no shared test data at " + UPDATES.toAbsolutePath());
        // given
        Path day = Files.createDirectories(work.resolve("bgp/2026-11-21"));
        Files.createSymbolicLink(day.resolve("updates.1839.bz2"), UPDATES.toAbsolutePath());
        int firstRecord = cutAfterFirstRecord(day.resolve("updates.9999-cut"));

        // when
        PeertelCall run =
                PeertelCall.succeeding(run("--bgp", work.resolve("bgp").toString()));

        // then: the run summary's notes
        assertThat(run.out())
                .contains("bgp: 1 critical, 0 warning events; 1 rejected; 385 multicast routes")
                .contains("bgp: missing on 2 days");
        // the day's files
        Path out = work.resolve("out");
        assertThat(Files.readAllLines(out.resolve("events/2026-11-21.csv")))
                .filteredOn(line -> line.contains(",Critical,") || line.contains(",Warning,"))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith(HIJACK).contains(",17557,36561,"));
        assertThat(Files.readAllLines(out.resolve("reports/google/2026-11-21-events.csv")))
                .anySatisfy(line -> assertThat(line).startsWith(HIJACK));
        assertThat(Files.readString(out.resolve("reports/acme/2026-11-21-events.csv")))
                .doesNotContain("youtube");
        assertThat(Files.readString(out.resolve("bgp-rejects/2026-11-21.csv")))
                .isEqualTo("file,offset,reason\nupdates.9999-cut," + firstRecord + ",truncated_header\n");
        assertThat(bgpLine("2026-11-21"))
                .matches(Pattern.quote("  \"bgp\": {\"status\": \"read\", \"files\": 2, \"records\": ")
                        + "[1-9][0-9]*"
                        + Pattern.quote(", \"multicast\": 385, \"rejected\": 1, \"critical\": 1, \"warning\": 0, ")
                        + "\"information\": [1-9][0-9]*},");
        assertThat(bgpLine("2026-11-20")).isEqualTo("  \"bgp\": {\"status\": \"missing\"},");
        assertThat(out.resolve("events/2026-11-20.csv")).doesNotExist();
        assertThat(out.resolve("bgp-rejects/2026-11-20.csv")).doesNotExist();
        // stored with the day: the events file's rows, the folder's manifest with checksums
        long rows = Files.readAllLines(out.resolve("events/2026-11-21.csv")).size() - 1;
        assertThat(rows("SELECT count(*) FROM prefix_events WHERE day = DATE '2026-11-21'"))
                .containsExactly(Long.toString(rows));
        assertThat(rows("SELECT day, status, files, multicast, rejected FROM bgp_days ORDER BY day"))
                .containsExactly("2026-11-20|missing|0|0|0", "2026-11-21|read|2|385|1", "2026-11-22|missing|0|0|0");
        assertThat(rows("SELECT name, bytes, length(sha256) FROM bgp_files ORDER BY name"))
                .containsExactly(
                        "updates.1839.bz2|" + Files.size(UPDATES) + "|64",
                        "updates.9999-cut|" + (firstRecord + 5) + "|64");
    }

    @Test
    void aDayRunAgainReplacesItsEventsAndAFolderGoneTakesThemAway() throws Exception {
        assumeTrue(Files.isRegularFile(UPDATES), "no shared test data at " + UPDATES.toAbsolutePath());
        // given: the day run once with its folder
        Path day = Files.createDirectories(work.resolve("bgp/2026-11-21"));
        Files.createSymbolicLink(day.resolve("updates.1839.bz2"), UPDATES.toAbsolutePath());
        cutAfterFirstRecord(day.resolve("updates.9999-cut"));
        PeertelCall.succeeding(run("--bgp", work.resolve("bgp").toString()));
        Path out = work.resolve("out");
        String events = Files.readString(out.resolve("events/2026-11-21.csv"));

        // when: run again without the cut file, then with BGP off, then with the folder gone
        Files.delete(day.resolve("updates.9999-cut"));
        PeertelCall.succeeding(run("--bgp", work.resolve("bgp").toString()));
        String rejectsAgain = Files.readString(out.resolve("bgp-rejects/2026-11-21.csv"));
        String eventsAgain = Files.readString(out.resolve("events/2026-11-21.csv"));
        long storedAgain =
                Long.parseLong(rows("SELECT count(*) FROM prefix_events").get(0));
        PeertelCall.succeeding(run());
        String runsOff = Files.readString(out.resolve("runs/2026-11-21.json"));
        long storedOff =
                Long.parseLong(rows("SELECT count(*) FROM prefix_events").get(0));
        Files.delete(day.resolve("updates.1839.bz2"));
        Files.delete(day);
        PeertelCall.succeeding(run("--bgp", work.resolve("bgp").toString()));

        // then
        assertThat(rejectsAgain).isEqualTo("file,offset,reason\n");
        assertThat(eventsAgain).isEqualTo(events);
        assertThat(storedAgain).isEqualTo(events.lines().count() - 1);
        assertThat(runsOff).doesNotContain("\"bgp\"");
        assertThat(storedOff).as("BGP off leaves the stored events alone").isEqualTo(storedAgain);
        assertThat(out.resolve("events/2026-11-21.csv")).doesNotExist();
        assertThat(out.resolve("reports/google/2026-11-21-events.csv")).doesNotExist();
        assertThat(out.resolve("bgp-rejects/2026-11-21.csv")).doesNotExist();
        assertThat(rows("SELECT count(*) FROM prefix_events")).containsExactly("0");
        assertThat(bgpLine("2026-11-21")).isEqualTo("  \"bgp\": {\"status\": \"missing\"},");
    }

    @Test
    void aBgpFolderThatDoesNotExistStopsTheRunBeforeAnyOutput() throws Exception {
        PeertelCall option = PeertelCall.of(run("--bgp", work.resolve("nowhere").toString()));
        Files.writeString(work.resolve("alerts.properties"), "");
        Path settings = Files.writeString(
                work.resolve("telemetry.properties"), "# BGP\nbgp = " + work.resolve("nowhere") + "\n");
        PeertelCall setting = PeertelCall.of(run("--settings", settings.toString()));

        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("--bgp " + work.resolve("nowhere") + ": no such folder");
        assertThat(setting.code()).isEqualTo(2);
        assertThat(setting.err()).contains(settings + ":2").contains("no such folder");
        assertThat(work.resolve("out")).doesNotExist();
    }

    /** The sample week's 20th to 22nd with a registry that adds YouTube, and {@code more} arguments. */
    private List<String> run(String... more) throws Exception {
        Path connections = work.resolve("connections.csv");
        if (!Files.exists(connections)) {
            // the sample registry ends with origin_asns
            StringBuilder registry = new StringBuilder(Files.readString(Path.of("sample-data/connections.csv")));
            registry.append("youtube,google,YouTube,PCCW,US,CA,208.65.152.0/22,36561\n");
            Files.writeString(connections, registry);
        }
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "run",
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-22",
                "--connections",
                connections.toString(),
                "--input",
                "sample-data/latency",
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        arguments.addAll(Arrays.asList(more));
        return arguments;
    }

    /**
     * Writes the first record of the update file, then 5 bytes of the next one: a file that ends inside a record
     * header. Returns the first record's length, where the cut record starts.
     */
    private static int cutAfterFirstRecord(Path file) throws Exception {
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(UPDATES))) {
            byte[] start = in.readNBytes(1 << 16);
            int length = 12
                    + (int) (((start[8] & 0xFFL) << 24)
                            | ((start[9] & 0xFF) << 16)
                            | ((start[10] & 0xFF) << 8)
                            | (start[11] & 0xFF));
            Files.write(file, Arrays.copyOf(start, length + 5));
            return length;
        }
    }

    private String bgpLine(String day) throws Exception {
        return Files.readAllLines(work.resolve("out/runs/" + day + ".json")).stream()
                .filter(line -> line.startsWith("  \"bgp\""))
                .findFirst()
                .orElse("(no bgp line)");
    }

    private List<String> rows(String sql) throws Exception {
        return DuckDbFile.rows(work.resolve("t.duckdb"), sql);
    }
}
