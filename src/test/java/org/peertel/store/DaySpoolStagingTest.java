package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peertel.ingest.BadFileReason;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDay;
import org.peertel.ingest.SkippedFile;

/**
 * What a remote worker keeps in the day's spool ({@link DaySpool}): a staging folder per partition whose files
 * {@link DaySpool#adopt} moves into the spool, the result of each input file, and how many partitions the day's
 * aggregates come in.
 */
class DaySpoolStagingTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final long DAY_START_MICROS = DAY.toEpochDay() * 86_400L * 1_000_000L;

    @TempDir
    Path folder;

    private DaySpool spool() {
        DaySpool spool = DaySpool.of(folder.resolve("p.duckdb"), DAY);
        spool.clear();
        return spool;
    }

    /** The names of the files and folders directly in {@code dir}, sorted. */
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Spools input file {@code fileNo} in {@code spool} as attributeStep does: one row of each kind. */
    private static void spoolFile(DaySpool spool, int fileNo, long rttMicros) {
        try (SpoolFileWriter out = spool.fileWriter(fileNo, 2)) {
            out.measurement(fileNo, 2, DAY_START_MICROS, "192.0.2.10", "DE", "", "fra1", rttMicros, 1, 0, null);
            out.measurement(
                    fileNo, 3, DAY_START_MICROS, "198.51.100.1", "DE", "", "fra1", rttMicros, -1, -1, "no_prefix");
            out.rejected(fileNo, 4, "bad_rtt", "x,y,z");
        }
    }

    private static LatencyDay.FileResult read(String name, long rows) {
        return new LatencyDay.FileResult(new InputFile(name, rows, 10 * rows, "ab".repeat(32)), null);
    }

    @Test
    void stagingIsAnEmptySubFolderOfTheSpool() throws IOException {
        // given: what a first run of the partition, killed, left in its staging folder
        DaySpool spool = spool();
        DaySpool first = spool.staging("attributeStep-files-000");
        spoolFile(first, 0, 1_000_000);
        Files.createDirectories(first.folder().resolve("leftover-folder"));

        // when: the partition runs again
        DaySpool again = spool.staging("attributeStep-files-000");

        // then
        assertThat(again.folder())
                .isEqualTo(spool.folder().resolve("staging").resolve("attributeStep-files-000"))
                .isDirectory()
                .isEmptyDirectory();
    }

    @Test
    void adoptMovesEveryStagedFileIntoTheSpoolAndRemovesTheStagingFolder() throws IOException {
        // given: file 0 spooled by an earlier run of the partition, then two partitions staged, one of them with
        // file 0 again
        DaySpool spool = spool();
        spoolFile(spool, 0, 9_000_000);
        DaySpool a = spool.staging("attributeStep-files-000-a");
        spoolFile(a, 0, 1_000_000);
        spoolFile(a, 2, 2_000_000);
        a.writeFileResult(0, read("a.csv", 3));
        a.writeFileResult(2, read("c.csv", 3));
        DaySpool b = spool.staging("attributeStep-files-001-b");
        spoolFile(b, 1, 3_000_000);
        b.writeFileResult(1, read("b.csv", 3));
        Map<String, byte[]> staged = new LinkedHashMap<>();
        for (String name : names(a.folder())) {
            staged.put(name, Files.readAllBytes(a.folder().resolve(name)));
        }

        assertThat(Files.readAllBytes(spool.folder().resolve("000000-measurement-chunks.bin")))
                .as("the earlier run's rows differ")
                .isNotEqualTo(staged.get("000000-measurement-chunks.bin"));

        // then: before the move, the spool's listings see neither staging folder
        assertThat(spool.measurementFiles()).containsExactly(spool.folder().resolve("000000-measurement-chunks.bin"));
        assertThat(spool.fileResult(0)).isEmpty();

        // when
        spool.adopt(a);

        // then: a's files replaced the earlier ones, b waits in its own folder
        assertThat(names(spool.folder()))
                .containsExactly(
                        "000000-edge-pops.csv",
                        "000000-measurement-chunks.bin",
                        "000000-rejects.csv",
                        "000000-result.properties",
                        "000000-unattributed.csv",
                        "000002-edge-pops.csv",
                        "000002-measurement-chunks.bin",
                        "000002-rejects.csv",
                        "000002-result.properties",
                        "000002-unattributed.csv",
                        "staging");
        for (Map.Entry<String, byte[]> file : staged.entrySet()) {
            assertThat(Files.readAllBytes(spool.folder().resolve(file.getKey())))
                    .as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(a.folder()).doesNotExist();
        assertThat(names(spool.folder().resolve("staging"))).containsExactly("attributeStep-files-001-b");
        assertThat(spool.measurementFiles())
                .containsExactly(
                        spool.folder().resolve("000000-measurement-chunks.bin"),
                        spool.folder().resolve("000002-measurement-chunks.bin"));
        assertThat(spool.fileResult(2)).contains(read("c.csv", 3));

        // when: the last partition is adopted
        spool.adopt(b);

        // then: its staging folder is gone with it, and nothing staged is left
        assertThat(b.folder()).doesNotExist();
        assertThat(spool.folder().resolve("staging"))
                .satisfiesAnyOf(
                        staging -> assertThat(staging).doesNotExist(),
                        staging -> assertThat(staging).isEmptyDirectory());
        assertThat(spool.measurementFiles())
                .extracting(path -> path.getFileName().toString())
                .containsExactly(
                        "000000-measurement-chunks.bin",
                        "000001-measurement-chunks.bin",
                        "000002-measurement-chunks.bin");
        assertThat(spool.fileResult(1)).contains(read("b.csv", 3));
    }

    @Test
    void aFileResultComesBackAsItWasWritten() {
        // given
        DaySpool spool = spool();
        LatencyDay.FileResult ordinary = new LatencyDay.FileResult(
                new InputFile("fra1 = zürich: 2026-03-02.csv.gz", 1_234_567, 89_012_345, "0f".repeat(32)), null);
        LatencyDay.FileResult skipped = new LatencyDay.FileResult(
                new InputFile("bad, file.csv.gz", 0, 10, ""),
                new SkippedFile(
                        "bad, file.csv.gz",
                        BadFileReason.TRUNCATED_GZIP,
                        "the gzip data ends inside a member, at byte 10,\nafter \"x\" \\ #1"));

        // when
        spool.writeFileResult(0, ordinary);
        spool.writeFileResult(7, skipped);

        // then
        assertThat(spool.fileResult(0)).contains(ordinary);
        assertThat(spool.fileResult(7)).contains(skipped);
        assertThat(spool.fileResult(1)).as("a number no partition wrote").isEqualTo(Optional.empty());
        assertThat(spool.fileResult(1_000_000)).isEmpty();
    }

    @Test
    void theAggregatePartitionsComeBackAsRecorded() throws IOException {
        DaySpool spool = spool();
        assertThat(spool.aggregatePartitions())
                .as("never set: the publish aggregates")
                .isZero();

        spool.expectAggregatePartitions(3);
        assertThat(spool.aggregatePartitions()).isEqualTo(3);

        spool.expectAggregatePartitions(128);
        assertThat(spool.aggregatePartitions())
                .as("a second aggregateStep replaces it")
                .isEqualTo(128);
        assertThat(names(spool.folder().resolve("aggregates"))).containsExactly("partitions");
        assertThat(spool.measurementFiles()).isEmpty();
    }

    @ParameterizedTest(name = "{0} connections, {1} wanted: {2}")
    @CsvSource({
        "0, 64, 1",
        "1, 64, 1",
        "3, 64, 3",
        "64, 64, 64",
        "65, 64, 64",
        "200, 128, 128",
        "1000000, 128, 128",
        "1000000, 200, 128",
        "10, 1, 1",
        "10, 0, 1"
    })
    void aggregatePartitionsAreAtMostTheBucketsOfTheChunks(int connections, int wanted, int partitions) {
        assertThat(DaySpool.aggregatePartitionsFor(connections, wanted)).isEqualTo(partitions);
    }
}
