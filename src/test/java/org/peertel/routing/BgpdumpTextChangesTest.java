package org.peertel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.prefix.Prefix;

/** bgpdump's one-line text read into route changes, and its malformed lines into rejects with offsets and reasons. */
class BgpdumpTextChangesTest {

    private static final String ANNOUNCE =
            "BGP4MP|1203878877|A|192.0.2.1|64500|198.51.100.0/24|64500 64501 64502|IGP|192.0.2.1|0|30||NAG||";
    private static final Peer PEER = new Peer("192.0.2.1", 64500);
    private static final Instant TIME = Instant.ofEpochSecond(1203878877);

    /** What one read gave: held routes, changes and rejects ("offset reason"), in order. */
    private static final class Read {
        final List<RouteChange.Announce> held = new ArrayList<>();
        final List<RouteChange> changes = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();

        static Read of(String text) throws IOException {
            Read read = new Read();
            BgpdumpTextChanges.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                    read.held::add,
                    read.changes::add,
                    (offset, reason) -> read.rejects.add(offset + " " + reason));
            return read;
        }
    }

    record Case(String description, String line, String reason) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> malformedLines() {
        return Stream.of(
                new Case("unknown first field", "BGP4|1|W|192.0.2.1|64500|198.51.100.0/24", "unknown_row_type"),
                new Case(
                        "ADD-PATH rows are not in the contract",
                        "TABLE_DUMP2_AP|1|B|192.0.2.1|1|198.51.100.0/24|7|1|IGP|||||||",
                        "unknown_row_type"),
                new Case(
                        "collector-sent rows are not in the contract",
                        "BGP4MP_LOCAL|1|W|192.0.2.1|64500|198.51.100.0/24",
                        "unknown_row_type"),
                new Case(
                        "B in an update row",
                        "BGP4MP|1|B|192.0.2.1|64500|198.51.100.0/24|1|IGP|||||||",
                        "unknown_row_type"),
                new Case(
                        "A in a RIB row",
                        "TABLE_DUMP2|1|A|192.0.2.1|64500|198.51.100.0/24|1|IGP|||||||",
                        "unknown_row_type"),
                new Case("unknown type before a short row", "BGP4MP|1|X", "unknown_row_type"),
                new Case("no type letter", "BGP4MP|1", "field_count"),
                new Case("withdrawal without prefix", "BGP4MP|1|W|192.0.2.1|64500", "field_count"),
                new Case("state without new state", "BGP4MP|1|STATE|192.0.2.1|64500|6", "field_count"),
                new Case(
                        "announcement cut after the path",
                        "BGP4MP|1|A|192.0.2.1|64500|198.51.100.0/24|64500|IGP",
                        "field_count"),
                new Case("field count before timestamp", "BGP4MP|x|W|192.0.2.1|64500", "field_count"),
                new Case("negative time", "BGP4MP|-1|W|192.0.2.1|64500|198.51.100.0/24", "bad_timestamp"),
                new Case(
                        "fraction where bgpdump prints none",
                        "BGP4MP|1.5|W|192.0.2.1|64500|198.51.100.0/24",
                        "bad_timestamp"),
                new Case(
                        "no fraction in an extended row",
                        "BGP4MP_ET|1|W|192.0.2.1|64500|198.51.100.0/24",
                        "bad_timestamp"),
                new Case(
                        "short fraction in an extended row",
                        "BGP4MP_ET|1.5|W|192.0.2.1|64500|198.51.100.0/24",
                        "bad_timestamp"),
                new Case("time before peer", "BGP4MP|t|W|192.0.2|64500|198.51.100.0/24", "bad_timestamp"),
                new Case("peer address", "BGP4MP|1|W|192.0.2.256|64500|198.51.100.0/24", "bad_peer"),
                new Case("peer AS above 32 bits", "BGP4MP|1|W|192.0.2.1|4294967296|198.51.100.0/24", "bad_peer"),
                new Case("peer AS in asdot", "BGP4MP|1|STATE|192.0.2.1|1.10|6|1", "bad_peer"),
                new Case("peer before prefix", "BGP4MP|1|W|x|64500|198.51.100.0/33", "bad_peer"),
                new Case("prefix length", "BGP4MP|1|W|192.0.2.1|64500|198.51.100.0/33", "bad_prefix"),
                new Case("prefix without length", "BGP4MP|1|W|192.0.2.1|64500|198.51.100.0", "bad_prefix"),
                new Case("IPv6 prefix length", "BGP4MP|1|W|2001:db8::1|64500|2001:db8::/129", "bad_prefix"),
                new Case(
                        "prefix before path",
                        "BGP4MP|1|A|192.0.2.1|64500|x/24||IGP|192.0.2.1|0|0||NAG||",
                        "bad_prefix"),
                new Case(
                        "empty path",
                        "BGP4MP|1|A|192.0.2.1|64500|198.51.100.0/24||IGP|192.0.2.1|0|0||NAG||",
                        "bad_as_path"),
                new Case(
                        "confederation",
                        "BGP4MP|1|A|192.0.2.1|64500|198.51.100.0/24|(64512) 64501|IGP|192.0.2.1|0|0||NAG||",
                        "bad_as_path"),
                new Case(
                        "path bgpdump cut",
                        "TABLE_DUMP2|1|B|192.0.2.1|64500|198.51.100.0/24|64500 64501...|IGP|192.0.2.1|0|0||NAG||",
                        "bad_as_path"),
                new Case(
                        "empty set",
                        "BGP4MP|1|A|192.0.2.1|64500|198.51.100.0/24|64500 {}|IGP|192.0.2.1|0|0||NAG||",
                        "bad_as_path"),
                new Case(
                        "two spaces",
                        "BGP4MP|1|A|192.0.2.1|64500|198.51.100.0/24|64500  64501|IGP|192.0.2.1|0|0||NAG||",
                        "bad_as_path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLines")
    void aMalformedLineIsRejectedWithTheFirstReasonThatApplies(Case c) throws IOException {
        // given a good line on each side of the bad one
        String text = ANNOUNCE + "\n" + c.line() + "\n" + ANNOUNCE + "\n";

        // when
        Read read = Read.of(text);

        // then
        assertThat(read.rejects).containsExactly((ANNOUNCE.length() + 1) + " " + c.reason());
        assertThat(read.changes).hasSize(2);
    }

    @Test
    void goodLinesGiveTheChangesOfTheirMrtRecords() throws IOException {
        Read read = Read.of(String.join(
                "\n",
                ANNOUNCE,
                "BGP4MP|1203878877|A|192.0.2.1|64500|198.51.100.0/24|64500 {64510,64511}|INCOMPLETE|192.0.2.1|0|0||AG|64500 192.0.2.1|",
                "BGP4MP|1203878877|W|192.0.2.1|64500|203.0.113.0/24",
                "BGP4MP_ET|1445565678.509481|W|2001:db8:0:0::1|64500|2001:db8:10::/48",
                "BGP4MP|1203878877|STATE|192.0.2.1|64500|6|1",
                "BGP4MP|1203878877|STATE|192.0.2.1|64500|5|6",
                "BGP4MP|1203878877|STATE|192.0.2.1|64500|6|6",
                "BGP4MP|1289168632|A|192.0.2.1|64500|198.51.100.7/24|64500 64501|IGP|192.0.2.1|0|0|64500:1|NAG||",
                "TABLE_DUMP2|1203878000|B|192.0.2.1|64500|203.0.113.0/24|64500 4200000000|IGP|192.0.2.1|0|0||NAG||",
                "TABLE_DUMP|1203878000|B|192.0.2.1|64500|0.0.0.0/0|64500|IGP|192.0.2.1|0|0||NAG||"));

        assertThat(read.rejects).isEmpty();
        assertThat(read.changes)
                .containsExactly(
                        new RouteChange.Announce(
                                TIME, PEER, Prefix.parse("198.51.100.0/24"), "64500 64501 64502", Origin.of(64502)),
                        new RouteChange.Announce(
                                TIME,
                                PEER,
                                Prefix.parse("198.51.100.0/24"),
                                "64500 {64510,64511}",
                                new Origin(List.of(64510L, 64511L), true)),
                        new RouteChange.Withdraw(TIME, PEER, Prefix.parse("203.0.113.0/24")),
                        new RouteChange.Withdraw(
                                Instant.parse("2015-10-23T02:01:18.509481Z"),
                                new Peer("2001:db8::1", 64500),
                                Prefix.parse("2001:db8:10::/48")),
                        new RouteChange.PeerDown(TIME, PEER),
                        // host bits cleared, as the MRT reader does (Debian's bgpdump 1.6.2 prints them)
                        new RouteChange.Announce(
                                Instant.ofEpochSecond(1289168632),
                                PEER,
                                Prefix.parse("198.51.100.0/24"),
                                "64500 64501",
                                Origin.of(64501)));
        Instant ribTime = Instant.ofEpochSecond(1203878000);
        assertThat(read.held)
                .containsExactly(
                        new RouteChange.Announce(
                                ribTime,
                                PEER,
                                Prefix.parse("203.0.113.0/24"),
                                "64500 4200000000",
                                Origin.of(4200000000L)),
                        new RouteChange.Announce(ribTime, PEER, Prefix.parse("0.0.0.0/0"), "64500", Origin.of(64500)));
    }

    @Test
    void offsetsCountBytesOfEveryLineBlankAndCrLfIncluded() throws IOException {
        // given: a good line, a blank line, a bad line ended by CR LF, spaces only, a bad last line without an end
        String bad1 = "BGP4MP|1|W|192.0.2.1|64500|198.51.100.0/99";
        String bad2 = "junk";
        String text = ANNOUNCE + "\n" + "\n" + bad1 + "\r\n" + "   \n" + bad2;
        long bad1At = ANNOUNCE.length() + 2;
        long spacesAt = bad1At + bad1.length() + 2;
        long bad2At = spacesAt + 4;

        // when
        Read read = Read.of(text);

        // then: an empty line is no record, a line of spaces is a malformed one (as the Python reference reads it)
        assertThat(read.rejects)
                .containsExactly(bad1At + " bad_prefix", spacesAt + " unknown_row_type", bad2At + " unknown_row_type");
        assertThat(read.changes).hasSize(1);
    }

    @Test
    void aGzipFileReadsAsThePlainOneWithOffsetsInItsText(@TempDir Path dir) throws IOException {
        // given the same text plain and gzip'd, with a bad line among good ones
        String text = ANNOUNCE + "\nBGP4MP|1203878877|W|192.0.2.1|64500|bad\n" + ANNOUNCE.replace("64502", "{64502}")
                + "\nTABLE_DUMP2|1203878000|B|192.0.2.1|64500|203.0.113.0/24|64500|IGP|192.0.2.1|0|0||NAG||\n";
        Path plain = dir.resolve("updates.bgpdump.txt");
        Path gzip = dir.resolve("updates.bgpdump.txt.gz");
        Files.writeString(plain, text, StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }

        // when
        Read fromPlain = readFile(plain);
        Read fromGzip = readFile(gzip);

        // then
        assertThat(fromPlain.changes).hasSize(2);
        assertThat(fromPlain.held).hasSize(1);
        assertThat(fromPlain.rejects).containsExactly((ANNOUNCE.length() + 1) + " bad_prefix");
        assertThat(fromGzip.changes).isEqualTo(fromPlain.changes);
        assertThat(fromGzip.held).isEqualTo(fromPlain.held);
        assertThat(fromGzip.rejects).isEqualTo(fromPlain.rejects);
        assertThat(BgpdumpTextChanges.isText(plain)).isTrue();
        assertThat(BgpdumpTextChanges.isText(gzip)).isTrue();
        assertThat(BgpdumpTextChanges.isText(dir.resolve("updates.20080224.1839.bz2")))
                .isFalse();
    }

    @Test
    void aDayFolderOfTextStartsWithItsRibRowsAndKeepsItsBadLinesAsTheDaysRejects(@TempDir Path dir) throws IOException {
        // given a RIB text (read first by its name) and an update text with one bad line, for a watched /24
        String rib = "TABLE_DUMP2|1203811200|B|192.0.2.1|64500|198.51.100.0/24|64500 64502|IGP|192.0.2.1|0|0||NAG||\n";
        String bad = "BGP4MP|1203878877|W|192.0.2.9|64500|198.51.100.0/24\n".replace("W", "X");
        String updates = ANNOUNCE.replace("192.0.2.1|64500", "192.0.2.2|64501") + "\n" + bad
                + "BGP4MP|1203878900|W|192.0.2.1|64500|198.51.100.0/24\n";
        Files.writeString(dir.resolve("updates.20080224.bgpdump.txt"), updates, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("rib.20080224.bgpdump.txt"), rib, StandardCharsets.US_ASCII);
        Watch watch = new Watch("c", "c-1", Prefix.parse("198.51.100.0/24"), List.of(64502L));
        EventSettings onePeer = new EventSettings(1, EventSettings.DEFAULTS.visibilityMinPeers());

        // when
        BgpDay day = BgpDay.read(
                dir, java.time.LocalDate.parse("2008-02-24"), WatchedPrefixes.ofWatches(List.of(watch)), onePeer);

        // then
        assertThat(day.files())
                .extracting(f -> f.getFileName().toString())
                .containsExactly("rib.20080224.bgpdump.txt", "updates.20080224.bgpdump.txt");
        assertThat(day.rejects())
                .containsExactly(new BgpReject(
                        "updates.20080224.bgpdump.txt", ANNOUNCE.length() + 1, BgpdumpTextChanges.UNKNOWN_ROW_TYPE));
        // the RIB's route held the prefix when the day started, so the other peer's announcement of it is no new
        // event (read as an update, the RIB row would have made one); the RIB peer's withdrawal leaves one peer
        assertThat(day.events())
                .extracting(e -> e.type() + " " + e.peersMax() + " " + e.summary())
                .containsExactly("ACTIVE_PATH 1 held by 1 peer at the day's end, origin 64502, most common path"
                        + " 64500 64501 64502");
    }

    private static Read readFile(Path file) throws IOException {
        Read read = new Read();
        BgpdumpTextChanges.read(
                file, read.held::add, read.changes::add, (offset, reason) -> read.rejects.add(offset + " " + reason));
        return read;
    }
}
