package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.ingest.DayFolder.HEADER;
import static org.peertel.ingest.DayFolder.VALID_ROW;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record length limit and unbalanced quotes, with a limit of 64 bytes: where a record is cut, what its reject
 * keeps, and where reading resumes. {@code row(n)} is a data row of exactly n bytes.
 */
class RecordLimitTest {

    private static final int MAX = 64;
    private static final IngestLimits LIMITS = DayFolder.recordLimit(MAX);

    @TempDir
    Path root;

    @Test
    void aRecordOfExactlyTheLimitIsReadAndOneByteMoreIsTooLong() {
        DayFolder folder = new DayFolder(root)
                .write("a.csv", HEADER + "\n" + row(MAX) + "\n" + row(MAX + 1) + "\r\n" + VALID_ROW + "\n");

        assertThat(folder.read(LIMITS).described())
                .containsExactly(
                        "a.csv:2 rtt_out_of_range " + row(MAX),
                        "a.csv:3 record_too_long " + row(MAX + 1).substring(0, MAX) + " [truncated: 65 bytes in all]",
                        "a.csv:4 measurement");
    }

    @Test
    void bytesNotCharactersAreCountedAndTheKeptTextEndsOnAWholeCharacter() {
        String pop = "z\u00fcr\u00fcch-\uD83D\uDE00"; // 13 bytes: ü is 2 bytes, the emoji 4 (a surrogate pair)
        String fits = row(MAX - 13) + pop; // 51 + 13 = 64 bytes in 60 characters
        String over = "x" + fits; // 65 bytes: the emoji no longer fits whole
        DayFolder folder = new DayFolder(root).write("a.csv", HEADER + "\n" + fits + "\n" + over + "\n");

        assertThat(folder.read(LIMITS).described())
                .containsExactly(
                        "a.csv:2 bad_rtt " + fits,
                        "a.csv:3 record_too_long " + over.substring(0, over.length() - 2)
                                + " [truncated: 65 bytes in all]");
    }

    @Test
    void everyInvalidByteCountsAsOneByteAndMakesTheRecordBadEncoding() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(row(MAX - 2).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'});
        bytes.writeBytes((row(MAX - 2) + "\u0000\u0000x\n").getBytes(StandardCharsets.UTF_8));
        DayFolder folder = new DayFolder(root).writeBytes("a.csv", bytes.toByteArray());

        assertThat(folder.read(LIMITS).described())
                .containsExactly(
                        "a.csv:2 bad_encoding " + row(MAX - 2) + "\uFFFD\uFFFD",
                        "a.csv:3 bad_encoding " + row(MAX - 2) + "\uFFFD\uFFFD [truncated: 65 bytes in all]");
    }

    @Test
    void aQuotedRecordOverSeveralLinesCountsItsInnerLineTerminatorsAsWritten() {
        String first = "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"fra"; // 39 bytes
        String last = "1\",12.5"; // 7 bytes
        String middle = "m".repeat(MAX - 39 - 7 - 4); // two CRLF: 4 bytes
        DayFolder folder = new DayFolder(root)
                .write(
                        "a.csv",
                        HEADER + "\n"
                                + first + "\r\n" + middle + "\r\n" + last + "\n" // 64 bytes
                                + first + "\r\n" + middle + "m\r\n" + last
                                + "\n" // 65: the quote closed before the limit
                                + first + "\r\n" + "m".repeat(30) + "\r\n" + last
                                + "\n" // the quote still open at the limit
                                + VALID_ROW + "\n");

        assertThat(folder.read(LIMITS).described())
                .containsExactly(
                        "a.csv:2 measurement",
                        "a.csv:5 record_too_long " + first + "\n" + middle + "m\n" + "1\",12."
                                + " [truncated: 65 bytes in all]",
                        "a.csv:8 unbalanced_quotes " + first,
                        "a.csv:9 column_count " + "m".repeat(30),
                        "a.csv:10 column_count " + last,
                        "a.csv:11 measurement");
    }

    @Test
    void aQuoteNeverClosedCostsOneRowAndTheLinesAfterItAreReadAgain() {
        DayFolder folder = new DayFolder(root)
                .write(
                        "a.csv",
                        HEADER + "\n"
                                + "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"fra1,1\n"
                                + VALID_ROW + "\n"
                                + "\n"
                                + VALID_ROW);

        assertThat(folder.read(LIMITS).described())
                .containsExactly(
                        "a.csv:2 unbalanced_quotes 2026-11-19T10:00:00Z,192.0.2.1,DE,,\"fra1,1",
                        "a.csv:3 measurement",
                        "a.csv:5 measurement");
    }

    @Test
    void aQuoteOpenWhereTheFirstLinePassesTheLimitIsUnbalancedAndTheRestOfThatLineIsSkipped() {
        String open = "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"" + "q".repeat(200) + "\n";
        DayFolder folder = new DayFolder(root).write("a.csv", HEADER + "\n" + open + VALID_ROW + "\n");

        assertThat(folder.read(LIMITS).described())
                .containsExactly(
                        "a.csv:2 unbalanced_quotes " + open.substring(0, MAX) + " [truncated: 236 bytes in all]",
                        "a.csv:3 measurement");
    }

    @Test
    void aClosedQuoteFollowedByTooMuchTextIsTooLongAndItsQuotesAreNotParsed() {
        String line = "\"a\"," + "b".repeat(70) + ",\"c";
        DayFolder folder = new DayFolder(root).write("a.csv", HEADER + "\n" + line + "\n" + VALID_ROW + "\n");

        assertThat(folder.read(LIMITS).described())
                .containsExactly(
                        "a.csv:2 record_too_long " + line.substring(0, MAX) + " [truncated: 77 bytes in all]",
                        "a.csv:3 measurement");
    }

    @Test
    void aTenMegabyteLineIsOneRejectWithoutBeingHeldInMemory() {
        int length = 10 << 20;
        DayFolder folder =
                new DayFolder(root).write("a.csv", HEADER + "\n" + "7".repeat(length) + "\n" + VALID_ROW + "\n");
        long before = usedHeap();

        DayFolder.Result result = folder.read(DayFolder.recordLimit(1024));

        assertThat(result.described())
                .containsExactly(
                        "a.csv:2 record_too_long " + "7".repeat(1024) + " [truncated: " + length + " bytes in all]",
                        "a.csv:3 measurement");
        assertThat(result.files()).extracting(InputFile::rows).containsExactly(2L);
        assertThat(usedHeap() - before).as("heap growth").isLessThan(8L << 20);
    }

    /** A data row of exactly {@code bytes} ASCII bytes (a bad_rtt row when longer than the standard one). */
    private static String row(int bytes) {
        String start = "2026-11-19T10:00:00Z,192.0.2.1,DE,,fra1,";
        return start + "9".repeat(bytes - start.length());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
