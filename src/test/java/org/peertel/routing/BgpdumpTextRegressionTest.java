package org.peertel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bgpdump's regression suite (shared test data, skipped without it): the route changes read from each expected text
 * equal, in order, those {@link MrtRouteChanges} gives for its MRT file, held routes and changes alike, except for
 * what the text cannot say: the multicast prefixes it prints like unicast ones (changes of the text only, exactly
 * those of the MRT file's SAFI 2 and 3 prefixes), and per file the rows listed in {@link #DIFFERENCES}.
 */
class BgpdumpTextRegressionTest {

    private static final Path SUITE = Path.of("../shared/testdata/bgp/bgpdump-regression");

    /** What one file's text leaves out: the MRT changes it lacks (how many) and its rejects. */
    record Difference(String why, int mrtOnly, Map<String, Integer> rejects) {}

    static final Map<String, Difference> DIFFERENCES = Map.of(
            "bview.ipv4_unicast_add_path.gz",
            new Difference("TABLE_DUMP2_AP rows are no row type of the contract", 60, Map.of("unknown_row_type", 62)),
            "bview.ipv6_unicast_add_path.gz",
            new Difference("TABLE_DUMP2_AP rows are no row type of the contract", 60, Map.of("unknown_row_type", 62)),
            "updates.et-header.2015.gz",
            new Difference(
                    "two announcements with an empty AS path (the peer's own routes)", 2, Map.of("bad_as_path", 2)));

    static Stream<String> pairs() throws IOException {
        Path mrt = SUITE.resolve("mrt");
        if (!Files.isDirectory(mrt)) {
            return Stream.of("(missing)");
        }
        try (Stream<Path> files = Files.list(mrt)) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(name -> Files.exists(text(name)))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path text(String mrtName) {
        return SUITE.resolve("expected-text").resolve(mrtName + ".bgp.gz");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void theTextGivesTheChangesOfItsMrtFile(String name) throws IOException {
        assumeTrue(
                Files.isDirectory(SUITE.resolve("mrt")),
                "bgpdump regression files not found in "
                        + SUITE.toAbsolutePath().normalize() + ": skipped");
        // given
        Difference difference = DIFFERENCES.getOrDefault(name, new Difference("none", 0, Map.of()));

        // when
        MrtChangeLists.Lists mrt = MrtChangeLists.mrt(SUITE.resolve("mrt").resolve(name));
        MrtChangeLists.Lists text = MrtChangeLists.text(text(name));

        // then
        List<String> mrtOnly = MrtChangeLists.minus(mrt.changes(), text.changes());
        List<String> textOnly = MrtChangeLists.minus(text.changes(), mrt.changes());
        assertThat(text.rejects()).as(difference.why()).isEqualTo(difference.rejects());
        assertThat(mrtOnly).as(difference.why()).hasSize(difference.mrtOnly());
        if (name.equals("updates.et-header.2015.gz")) {
            assertThat(mrtOnly)
                    .containsExactly(
                            "Announce[time=2015-10-23T02:01:46.844149Z, peer=Peer[address=206.220.231.55, asn=3856],"
                                    + " prefix=69.166.10.0/24, asPath=, origin=3856]",
                            "Announce[time=2015-10-23T02:01:49.480188Z, peer=Peer[address=206.220.231.55, asn=3856],"
                                    + " prefix=206.220.228.0/22, asPath=, origin=3856]");
        }
        assertThat(textOnly).as("multicast rows taken as unicast").isEqualTo(mrt.multicast());
        assertThat(MrtChangeLists.minus(text.changes(), textOnly))
                .as("the rest in the same order")
                .isEqualTo(MrtChangeLists.minus(mrt.changes(), mrtOnly));
        if (name.equals("updates.20070211.0141.gz")) {
            assertThat(textOnly).hasSize(151); // the one file of the suite with multicast routes
        } else {
            assertThat(textOnly).isEmpty();
        }
    }
}
