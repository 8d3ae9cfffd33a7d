package org.peertel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;
import org.peertel.store.DuckDbFile;

/**
 * {@code peertel bgp events} on RouteViews' update files of 2008-02-24 (shared test data, linked into a day folder;
 * skipped without it): YouTube's /22 registered with its origin gives the hijack row in the day's file and in
 * google's own file, nothing in another customer's; a day without a folder is reported missing.
 */
class BgpEventsCommandTest {

    static final Path UPDATES = Path.of("../shared/testdata/bgp/youtube-2008-routeviews/mrt");

    @TempDir
    Path work;

    @Test
    void theHijackRowGoesToTheDaysFileAndToItsCustomersOnly() throws Exception {
        assumeTrue(Files.isDirectory(UPDATES), "no shared test data at " + UPDATES.toAbsolutePath());
        // given
        Path day = Files.createDirectories(work.resolve("bgp/2008-02-24"));
        try (Stream<Path> files = Files.list(UPDATES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("updates.20080224."))
                    .toList()) {
                Files.createSymbolicLink(day.resolve(file.getFileName()), file.toAbsolutePath());
            }
        }
        Path connections = Files.writeString(
                work.resolve("connections.csv"),
                "connection_id,customer_id,name,partner,country,state,prefixes,origin_asns\n"
                        + "youtube,google,YouTube,PCCW,US,CA,208.65.152.0/22,36561\n"
                        + "acme-1,acme,ACME,Partner,DE,,198.51.100.0/24,64501\n");
        Path out = work.resolve("out");

        Path db = work.resolve("t.duckdb");

        // when: run twice (the second replaces the day's rows)
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = 0;
        for (int run = 0; run < 2; run++) {
            code += events(stdout, stderr, connections, out, db);
        }

        // then
        assertEquals(0, code, stderr.toString());
        assertThat(stdout.toString())
                .contains("2008-02-23  bgp: missing (no folder " + work.resolve("bgp/2008-02-23") + ")")
                .contains("2008-02-24  15 files, ");
        String hijack = "2008-02-24/youtube/PrefixMoreSpecificOriginAsEvent/208.65.153.0/24/17557/1,2008-02-24,google,"
                + "youtube,208.65.152.0/22,208.65.153.0/24,PrefixMoreSpecificOriginAsEvent,Critical,"
                + "2008-02-24T18:47:57Z,";
        assertThat(Files.readAllLines(out.resolve("events/2008-02-24.csv")))
                .filteredOn(line -> line.contains("PrefixMoreSpecificOriginAsEvent"))
                .singleElement()
                .satisfies(
                        line -> assertThat(line).startsWith(hijack).contains(",2008-02-24T21:01:34Z,17557,36561,42,"));
        List<String> google = Files.readAllLines(out.resolve("reports/google/2008-02-24-events.csv"));
        assertThat(google).anySatisfy(line -> assertThat(line).startsWith(hijack));
        assertThat(Files.readAllLines(out.resolve("reports/acme/2008-02-24-events.csv")))
                .allSatisfy(line -> assertThat(line).doesNotContain("youtube"))
                .anySatisfy(
                        line -> assertThat(line).contains("acme-1,198.51.100.0/24,198.51.100.0/24,PrefixActivePath"));
        assertThat(out.resolve("events/2008-02-23.csv")).doesNotExist();
        // stored with the day, once: the second run replaced the first's rows
        long rows = Files.readAllLines(out.resolve("events/2008-02-24.csv")).size() - 1;
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM prefix_events")).containsExactly(Long.toString(rows));
        assertThat(DuckDbFile.rows(
                        db,
                        "SELECT start_time, end_time, origin_asn, peers_max FROM prefix_events "
                                + "WHERE event_type = 'PrefixMoreSpecificOriginAsEvent'"))
                .containsExactly("2008-02-24 18:47:57.0|2008-02-24 21:01:34.0|17557|42");
    }

    private int events(StringWriter stdout, StringWriter stderr, Path connections, Path out, Path db)
            throws IOException {
        return SampleBgpOff.execute(
                new PrintWriter(stdout),
                new PrintWriter(stderr),
                "bgp",
                "events",
                "--from",
                "2008-02-23",
                "--to",
                "2008-02-24",
                "--bgp",
                work.resolve("bgp").toString(),
                "--connections",
                connections.toString(),
                "--out",
                out.toString(),
                "--db",
                db.toString(),
                "--settings",
                Files.writeString(work.resolve("telemetry.properties"), "").toString());
    }
}
