package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.peertel.ingest.DayFolder.HEADER;
import static org.peertel.ingest.DayFolder.VALID_ROW;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day folder read the job's way: file selection and order, gzip, bad files (stop or skip), per-file statistics.
 */
class LatencyDayTest {

    @TempDir
    Path root;

    @Test
    void readsCsvAndGzipFilesInNameOrderIgnoringOtherNames() throws IOException {
        DayFolder folder = new DayFolder(root)
                .write("b.csv.gz", HEADER + "\n" + VALID_ROW + "\n")
                .write("B.csv", HEADER + "\n" + VALID_ROW + "\n")
                .write("a.csv", HEADER + "\n" + VALID_ROW + "\n")
                .write("a.csv.bak", HEADER + "\n" + VALID_ROW + "\n")
                .write("notes.txt", "hello")
                .write("c.CSV", HEADER + "\n" + VALID_ROW + "\n")
                .write("d.gz", HEADER + "\n" + VALID_ROW + "\n");
        Files.createDirectory(folder.directory.resolve("dir.csv"));

        assertThat(folder.read().described())
                .containsExactly("B.csv:2 measurement", "a.csv:2 measurement", "b.csv.gz:2 measurement");
    }

    @Test
    void filesReportRowsIncludingRejectsAndSizeOnDisk() throws IOException {
        DayFolder folder = new DayFolder(root)
                .write("a.csv", HEADER + "\n" + VALID_ROW + "\n\nbad\n")
                .write("b.csv.gz", HEADER + "\n" + (VALID_ROW + "\n").repeat(1000))
                .write("c.csv", HEADER + "\n");

        DayFolder.Result result = folder.read();

        assertThat(result.rows()).hasSize(1002);
        assertThat(result.files())
                .extracting(InputFile::name, InputFile::rows, InputFile::bytes)
                .containsExactly(
                        tuple("a.csv", 2L, Files.size(folder.directory.resolve("a.csv"))),
                        tuple("b.csv.gz", 1000L, Files.size(folder.directory.resolve("b.csv.gz"))),
                        tuple("c.csv", 0L, (long) HEADER.length() + 1));
        assertThat(result.files().get(1).bytes()).isLessThan(1000L * VALID_ROW.length());
        assertThat(result.files())
                .extracting(InputFile::sha256)
                .as("the checksums the manifest records")
                .isEqualTo(DayManifest.of(folder.directory).files().stream()
                        .map(InputFile::sha256)
                        .toList());
    }

    @Test
    void listsEveryFileBeforeReadingStarts() {
        DayFolder folder = new DayFolder(root)
                .write("a.csv", HEADER + "\n" + VALID_ROW + "\n")
                .write("b.csv", HEADER + "\n" + VALID_ROW + "\n");

        LatencyDay latency = LatencyDay.of(folder.directory, DayFolder.DAY, IngestLimits.DEFAULTS, false);

        assertThat(latency.fileNames()).containsExactly("a.csv", "b.csv");
        assertThat(latency.read(0, LatencyDayTest::readToTheEnd).file())
                .extracting(InputFile::name, InputFile::rows)
                .containsExactly("a.csv", 1L);
    }

    @Test
    void missingFolderBehavesAsAnEmptyOne() {
        LatencyDayRows read =
                LatencyDayRows.read(root.resolve("2026-11-19"), DayFolder.DAY, IngestLimits.DEFAULTS, false);

        assertThat(read.rows()).isEmpty();
        assertThat(read.files()).isEmpty();
        assertThat(read.failure()).isNull();
    }

    @Test
    void truncatedGzipStopsTheReaderNamingTheFileAfterTheRowsBeforeTheBreak() {
        DayFolder folder = new DayFolder(root)
                .writeBytes("a.csv.gz", truncatedGzip(20_000))
                .write("b.csv", HEADER + "\n" + VALID_ROW + "\n");

        LatencyDayRows read = LatencyDayRows.read(folder.directory, DayFolder.DAY, IngestLimits.DEFAULTS, false);

        assertThat(read.failure()).isInstanceOfSatisfying(BadInputFileException.class, bad -> {
            assertThat(bad.fileName()).isEqualTo("a.csv.gz");
            assertThat(bad.reason()).isEqualTo(BadFileReason.TRUNCATED_GZIP);
            assertThat(bad.getMessage())
                    .contains(
                            "a.csv.gz (truncated_gzip): truncated gzip data: " + "the file ends at byte ",
                            "--skip-bad-files");
        });
        assertThat(read.files()).as("no file after the bad one is read").isEmpty();
        assertThat(read.rows().size()).isBetween(1000, 19_999);
        assertThat(read.rows())
                .allMatch(row -> row instanceof Measurement && row.file().equals("a.csv.gz"));
    }

    @Test
    void skippingBadFilesListsThemWithNoRowsAndReadsTheOthers() {
        DayFolder folder = new DayFolder(root)
                .writeBytes("a.csv.gz", truncatedGzip(20_000))
                .write("b.csv", HEADER + "\n" + VALID_ROW + "\n")
                .writeBytes("c.csv.gz", (HEADER + "\n" + VALID_ROW + "\n").getBytes(StandardCharsets.UTF_8))
                .write("d.csv", "timestamp,client_ip,country,edge_pop,rtt_ms\n" + VALID_ROW + "\n");

        LatencyDayRows read = LatencyDayRows.read(folder.directory, DayFolder.DAY, IngestLimits.DEFAULTS, true);

        assertThat(read.skipped())
                .extracting(SkippedFile::name, SkippedFile::reason)
                .containsExactly(
                        tuple("a.csv.gz", BadFileReason.TRUNCATED_GZIP),
                        tuple("c.csv.gz", BadFileReason.NOT_GZIP),
                        tuple("d.csv", BadFileReason.BAD_HEADER));
        assertThat(read.skipped().get(2).message())
                .isEqualTo("line 1: the header lacks the required "
                        + "column state (it needs timestamp,client_ip,country,state,edge_pop,rtt_ms, in any order)");
        assertThat(read.files())
                .extracting(InputFile::name, InputFile::rows)
                .containsExactly(tuple("a.csv.gz", 0L), tuple("b.csv", 1L), tuple("c.csv.gz", 0L), tuple("d.csv", 0L));
        assertThat(read.rows().stream().filter(row -> row.file().equals("b.csv")))
                .hasSize(1);
    }

    @Test
    void fileThatIsNotGzipIsRefusedAsAWhole() {
        DayFolder folder = new DayFolder(root)
                .writeBytes("a.csv.gz", (HEADER + "\n" + VALID_ROW + "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(folder::read)
                .isInstanceOf(BadInputFileException.class)
                .hasMessageContaining("a.csv.gz (not_gzip): named .gz but not gzip data");
    }

    @Test
    void invalidUtf8RejectsOnlyItsRecordShowingTheBadBytesAsReplacementCharacters() {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes((HEADER + "\n" + VALID_ROW + "\n2026-11-19T10:00:00Z,192.0.2.1,DE,,fra")
                .getBytes(StandardCharsets.UTF_8));
        content.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82});
        content.writeBytes((",1\n" + VALID_ROW + "\n").getBytes(StandardCharsets.UTF_8));
        DayFolder folder = new DayFolder(root).writeBytes("a.csv", content.toByteArray());

        assertThat(folder.read().described())
                .containsExactly(
                        "a.csv:2 measurement",
                        "a.csv:3 bad_encoding 2026-11-19T10:00:00Z,192.0.2.1,DE,,fra\uFFFD(\uFFFD\uFFFD,1",
                        "a.csv:4 measurement");
    }

    /** Gzip data of {@code rows} rows cut in the middle. */
    private static byte[] truncatedGzip(int rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            text.append("2026-11-19T10:00:00Z,192.0.2.")
                    .append(i % 250)
                    .append(",DE,,fra")
                    .append(i)
                    .append(",")
                    .append(i % 997 + 1)
                    .append('\n');
        }
        byte[] gzip = DayFolder.gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(gzip, gzip.length / 2);
    }

    @Test
    void nonAsciiUtf8TextIsReadAsIs() {
        LatencyRow row = new DayFolder(root).singleRow("2026-11-19T10:00:00Z,192.0.2.1,DE,,Zürich-1,3");

        assertThat(((Measurement) row).edgePop()).isEqualTo("Zürich-1");
    }

    private static void readToTheEnd(LatencyFileReader reader) {
        while (reader.advance() != LatencyFileReader.Found.END) {
            // every row, for its count
        }
    }
}
