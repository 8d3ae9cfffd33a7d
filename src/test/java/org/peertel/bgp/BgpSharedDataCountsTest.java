package org.peertel.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real update files of other projects' test suites, kept outside the project in ../shared/testdata/bgp (see its
 * SOURCES.md), which has no bgpdump text for them but their counts: announcements, withdrawals and state changes
 * per file, as other readers and the files' own documentation give them. RouteViews' files are bzip2, RIS's gzip.
 * The RouteViews 2008 file also carries IPv4 multicast (SAFI 2) from MP_REACH/MP_UNREACH, which the one-line form
 * writes as ordinary rows: its counts are unicast + multicast (74,851 + 285 and 8,393 + 75). Skipped, with a
 * message, when a file is missing.
 */
class BgpSharedDataCountsTest {

    private static final Path BGP = Path.of("../shared/testdata/bgp");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "libbgpstream-test/ris.rrc06.updates.1427846400.gz, 1435, 122, 4, 291, 795",
        "libbgpstream-test/routeviews.route-views.jinx.updates.1427846400.bz2, 8160, 451, 0, 22, 1756",
        "youtube-2008-routeviews/mrt/updates.20080219.0015.bz2, 75136, 8468, 0, 0, 30657",
        "bgpkit-parser-fixtures/rrc15.updates.20100227.1600.gz, 52468, 1318, 20, 0, 6615"
    })
    void countsWhatTheFileHolds(String name, long announced, long withdrawn, long states, long ipv6Rows, long records)
            throws IOException {
        Path file = BGP.resolve(name);
        assumeTrue(Files.exists(file), file.toAbsolutePath().normalize() + " not found: skipped");
        RowCounts counts = new RowCounts();
        MrtReadReport report;
        try (InputStream in = MrtReader.open(file)) {
            report = BgpDump.dump(in, counts);
        }
        assertEquals(records, report.records(), "records");
        assertEquals(records, report.decoded(), "decoded: " + report.summary());
        assertEquals(announced, counts.announced, "A rows");
        assertEquals(withdrawn, counts.withdrawn, "W rows");
        assertEquals(states, counts.states, "STATE rows");
        assertEquals(ipv6Rows, counts.ipv6, "IPv6 prefix rows");
    }

    /** Counts the rows by their third field, and the rows whose prefix is IPv6, without keeping them. */
    private static final class RowCounts extends Writer {

        private final StringBuilder line = new StringBuilder();
        long announced;
        long withdrawn;
        long states;
        long ipv6;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] != '\n') {
                    line.append(buffer[i]);
                    continue;
                }
                String[] fields = line.toString().split("\\|", -1);
                switch (fields[2]) {
                    case "A" -> announced++;
                    case "W" -> withdrawn++;
                    case "STATE" -> states++;
                    default -> throw new AssertionError("unexpected row: " + line);
                }
                if (!"STATE".equals(fields[2]) && fields[5].contains(":")) {
                    ipv6++;
                }
                line.setLength(0);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
