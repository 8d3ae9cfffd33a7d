package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.ingest.DayFolder.HEADER;
import static org.peertel.ingest.DayFolder.VALID_ROW;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV shape: BOM, line endings, quoting, header layout, blank lines and line numbers. */
class LatencyFileFormatTest {

    @TempDir
    Path root;

    @Test
    void byteOrderMarkAndCrLfLineEndingsAreNotPartOfTheData() {
        DayFolder folder = new DayFolder(root);
        folder.writeBytes(
                "a.csv",
                ("\uFEFF" + HEADER + "\r\n" + VALID_ROW + "\r\n" + "bad\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(folder.read().described()).containsExactly("a.csv:2 measurement", "a.csv:3 column_count bad");
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        DayFolder folder = new DayFolder(root)
                .write(
                        "a.csv",
                        HEADER + "\n"
                                + "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"fra,1\",1\n"
                                + "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"say \"\"hi\"\"\",2\n"
                                + "\"2026-11-19T10:00:00Z\",\"192.0.2.1\",\"DE\",\"\",\"fra\n"
                                + "\n"
                                + "1\",3\n"
                                + "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"\",4\n"
                                + "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"multi\r\n"
                                + "line\",-4\r\n"
                                + "2026-11-19T10:00:00Z,192.0.2.1,DE,, \"fra1\" ,5\n");

        List<LatencyRow> rows = folder.rows();

        assertThat(rows)
                .extracting(DayFolder::describe)
                .containsExactly(
                        "a.csv:2 measurement",
                        "a.csv:3 measurement",
                        "a.csv:4 measurement",
                        "a.csv:7 missing_edge_pop 2026-11-19T10:00:00Z,192.0.2.1,DE,,\"\",4",
                        "a.csv:8 bad_rtt 2026-11-19T10:00:00Z,192.0.2.1,DE,,\"multi\nline\",-4",
                        "a.csv:10 measurement");
        assertThat(rows)
                .filteredOn(Measurement.class::isInstance)
                .extracting(row -> ((Measurement) row).edgePop())
                .containsExactly("fra,1", "say \"hi\"", "fra\n\n1", "fra1");
    }

    @Test
    void rejectOfAMultiLineRecordKeepsItsInnerLineBreaks() {
        DayFolder folder =
                new DayFolder(root).write("a.csv", HEADER + "\n" + "bad,\"x\ny\",DE,,fra1,1\n" + VALID_ROW + "\n");

        assertThat(folder.read().described())
                .containsExactly("a.csv:2 bad_timestamp bad,\"x\ny\",DE,,fra1,1", "a.csv:4 measurement");
    }

    @Test
    void quoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        DayFolder folder = new DayFolder(root)
                .write("a.csv", HEADER + "\n" + "2026-11-19T10:00:00Z,192.0.2.1,DE,,fra\"1,1\n" + VALID_ROW + "\n");

        List<LatencyRow> rows = folder.rows();

        assertThat(((Measurement) rows.get(0)).edgePop()).isEqualTo("fra\"1");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void columnsMayComeInAnyOrderWithOtherColumnsAndAnyNameCase() {
        DayFolder folder = new DayFolder(root)
                .write(
                        "a.csv",
                        "probe, RTT_ms ,Edge_Pop,\"Country\",state,client_ip,TimeStamp,note\n"
                                + "p1,7.25,lhr1,gb,,2001:db8::9,2026-11-19 12:00,\"x,y\"\n"
                                + "p1,7.25,lhr1,gb,,2001:db8::9,2026-11-19 12:00\n");

        List<LatencyRow> rows = folder.rows();

        Measurement measurement = (Measurement) rows.get(0);
        assertThat(measurement.country()).isEqualTo("GB");
        assertThat(measurement.edgePop()).isEqualTo("lhr1");
        assertThat(measurement.rttMs()).hasToString("7.25");
        assertThat(DayFolder.describe(rows.get(1)))
                .isEqualTo("a.csv:3 column_count p1,7.25,lhr1,gb,,2001:db8::9,2026-11-19 12:00");
    }

    @Test
    void blankLinesAreSkippedButKeepTheirLineNumbers() {
        DayFolder folder = new DayFolder(root)
                .write("a.csv", "\n" + HEADER + "\n\n" + VALID_ROW + "\r\n\r\n" + "   \n" + VALID_ROW);

        DayFolder.Result result = folder.read();

        assertThat(result.described())
                .containsExactly("a.csv:4 measurement", "a.csv:6 column_count    ", "a.csv:7 measurement");
        assertThat(result.files()).extracting(InputFile::rows).containsExactly(3L);
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoRows() {
        DayFolder folder = new DayFolder(root)
                .write("a.csv", "")
                .write("b.csv", HEADER + "\n")
                .write("c.csv", "\n\n");

        DayFolder.Result result = folder.read();

        assertThat(result.rows()).isEmpty();
        assertThat(result.files()).extracting(InputFile::rows).containsExactly(0L, 0L, 0L);
    }

    @Test
    void unterminatedQuoteRejectsOnlyTheFirstLineOfItsRecordAndReadingGoesOn() {
        DayFolder folder = new DayFolder(root)
                .write(
                        "a.csv",
                        HEADER + "\n"
                                + VALID_ROW + "\n"
                                + "2026-11-19T10:00:00Z,192.0.2.1,DE,,\"fra1,1\n"
                                + VALID_ROW + "\n")
                .write("b.csv", HEADER + "\n" + VALID_ROW + "\n");

        assertThat(folder.read().described())
                .containsExactly(
                        "a.csv:2 measurement",
                        "a.csv:3 unbalanced_quotes 2026-11-19T10:00:00Z,192.0.2.1,DE,,\"fra1,1",
                        "a.csv:4 measurement",
                        "b.csv:2 measurement");
    }

    @Test
    void quotedHeaderNamesAreRecognised() {
        DayFolder folder = new DayFolder(root)
                .write(
                        "a.csv",
                        "\"timestamp\",\"client_ip\",\"country\",\"state\",\"edge_pop\",\"rtt_ms\"\n" + VALID_ROW
                                + "\n");

        assertThat(folder.read().described()).containsExactly("a.csv:2 measurement");
    }

    @Test
    void lineLongerThanTheLimitIsOneRejectAndReadingGoesOn() {
        int max = IngestLimits.DEFAULT_MAX_RECORD_BYTES;
        DayFolder folder = new DayFolder(root)
                .write("a.csv", HEADER + "\n" + VALID_ROW + "\n" + "x".repeat(max + 10) + "\n" + VALID_ROW + "\n");

        assertThat(folder.read().described())
                .containsExactly(
                        "a.csv:2 measurement",
                        "a.csv:3 record_too_long " + "x".repeat(max) + " [truncated: " + (max + 10) + " bytes in all]",
                        "a.csv:4 measurement");
    }
}
