package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peertel.ingest.DayFolder.HEADER;
import static org.peertel.ingest.DayFolder.VALID_ROW;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder handling: file selection and order, gzip, unreadable files and per-file statistics. */
class LatencyDayReaderTest {

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
        assertThat(result.files()).containsExactly(
                new InputFile("a.csv", 2, Files.size(folder.directory.resolve("a.csv"))),
                new InputFile("b.csv.gz", 1000, Files.size(folder.directory.resolve("b.csv.gz"))),
                new InputFile("c.csv", 0, HEADER.length() + 1));
        assertThat(result.files().get(1).bytes()).isLessThan(1000L * VALID_ROW.length());
    }

    @Test
    void filesListsEveryFileBeforeReadingStarts() {
        DayFolder folder = new DayFolder(root).write("a.csv", HEADER + "\n" + VALID_ROW + "\n")
                .write("b.csv", HEADER + "\n" + VALID_ROW + "\n");

        try (LatencyDayReader reader = new LatencyDayReader(folder.directory, DayFolder.DAY)) {
            assertThat(reader.files()).extracting(InputFile::name, InputFile::rows)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a.csv", 0L),
                            org.assertj.core.groups.Tuple.tuple("b.csv", 0L));
            reader.next();
            assertThat(reader.files()).extracting(InputFile::rows).containsExactly(1L, 0L);
        }
    }

    @Test
    void missingFolderBehavesAsAnEmptyOne() {
        try (LatencyDayReader reader = new LatencyDayReader(root.resolve("2026-11-19"), DayFolder.DAY)) {
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.files()).isEmpty();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void truncatedGzipKeepsEarlierRowsAndAddsOneUnreadableFileReject() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            text.append("2026-11-19T10:00:00Z,192.0.2.").append(i % 250).append(",DE,,fra").append(i).append(",")
                    .append(i % 997 + 1).append('\n');
        }
        byte[] gzip = DayFolder.gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        DayFolder folder = new DayFolder(root)
                .writeBytes("a.csv.gz", Arrays.copyOf(gzip, gzip.length / 2))
                .write("b.csv", HEADER + "\n" + VALID_ROW + "\n");

        DayFolder.Result result = folder.read();

        var aRows = result.rows().stream().filter(row -> row.file().equals("a.csv.gz")).toList();
        LatencyRow last = aRows.get(aRows.size() - 1);
        assertThat(aRows.size()).isBetween(1000, 19_999);
        assertThat(aRows.subList(0, aRows.size() - 1)).allMatch(Measurement.class::isInstance);
        assertThat(last).isInstanceOf(RejectedRow.class);
        assertThat(((RejectedRow) last).reason()).isEqualTo(RejectReason.UNREADABLE_FILE);
        assertThat(((RejectedRow) last).raw()).startsWith("truncated data (Unexpected end of ZLIB input stream");
        assertThat(last.line()).isEqualTo(aRows.get(aRows.size() - 2).line() + 1);
        assertThat(result.files().get(0).rows()).isEqualTo(aRows.size());
        assertThat(DayFolder.describe(result.rows().get(result.rows().size() - 1))).isEqualTo("b.csv:2 measurement");
    }

    @Test
    void fileThatIsNotGzipIsUnreadableAtLineOne() {
        DayFolder folder = new DayFolder(root).writeBytes("a.csv.gz",
                (HEADER + "\n" + VALID_ROW + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(folder.read().described()).containsExactly("a.csv.gz:1 unreadable_file corrupt gzip data "
                + "(Not in GZIP format)");
    }

    @Test
    void invalidUtf8KeepsTheRowsBeforeItAndReportsItsLine() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write((HEADER + "\n" + VALID_ROW + "\n" + VALID_ROW + "\n2026-11-19T10:00:00Z,192.0.2.1,DE,,fra")
                .getBytes(StandardCharsets.UTF_8));
        int badByteOffset = content.size();
        content.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        content.write((",1\n" + VALID_ROW + "\n").getBytes(StandardCharsets.UTF_8));
        DayFolder folder = new DayFolder(root).writeBytes("a.csv", content.toByteArray());

        assertThat(folder.read().described()).containsExactly("a.csv:2 measurement", "a.csv:3 measurement",
                "a.csv:4 unreadable_file invalid UTF-8 at byte " + badByteOffset);
    }

    @Test
    void nonAsciiUtf8TextIsReadAsIs() {
        LatencyRow row = new DayFolder(root).singleRow("2026-11-19T10:00:00Z,192.0.2.1,DE,,Zürich-1,3");

        assertThat(((Measurement) row).edgePop()).isEqualTo("Zürich-1");
    }

    @Test
    void closedReaderHasNoMoreRows() {
        DayFolder folder = new DayFolder(root).write("a.csv", HEADER + "\n" + VALID_ROW + "\n" + VALID_ROW + "\n");

        LatencyDayReader reader = new LatencyDayReader(folder.directory, DayFolder.DAY);
        reader.next();
        reader.close();

        assertThat(reader.hasNext()).isFalse();
    }
}
