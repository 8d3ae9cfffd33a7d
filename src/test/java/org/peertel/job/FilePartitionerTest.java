package org.peertel.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The partitions of a remote attributeStep ({@link FilePartitioner}): whole input files, numbered in name order, at
 * most {@code gridSize} partitions, balanced by size (largest file first, to the lightest partition), every file in
 * exactly one, the same folder giving the same partitions.
 */
class FilePartitionerTest {

    @TempDir
    Path day;

    /** Input files of the given sizes, named in order (f00.csv, f01.csv.gz, ...), so file number i has sizes[i]. */
    private void inputFiles(long... sizes) throws IOException {
        for (int no = 0; no < sizes.length; no++) {
            String name = String.format("f%02d.csv", no) + (no % 2 == 1 ? ".gz" : "");
            Files.write(day.resolve(name), new byte[(int) sizes[no]]);
        }
    }

    /** Per partition name, its file numbers. */
    private Map<String, List<Integer>> partitions(int gridSize) {
        Map<String, List<Integer>> files = new LinkedHashMap<>();
        for (Map.Entry<String, ExecutionContext> partition :
                new FilePartitioner(() -> day).partition(gridSize).entrySet()) {
            files.put(partition.getKey(), FilePartitioner.files(partition.getValue()));
        }
        return files;
    }

    @Test
    void largestFileFirstToThePartitionWithTheFewestBytes() throws IOException {
        // given: five files whose sizes are not in name order; a README and a sub-folder that are no input
        inputFiles(10, 100, 60, 70, 50);
        Files.writeString(day.resolve("README.txt"), "not an input file");
        Files.createDirectories(day.resolve("old.csv"));

        // when
        Map<String, List<Integer>> partitions = partitions(2);

        // then: 100 (no 1) -> p0 [100, 0]; 70 (no 3) -> p1 [100, 70]; 60 (no 2) -> p1 [100, 130];
        // 50 (no 4) -> p0 [150, 130]; 10 (no 0) -> p1 [150, 140]; each partition lists its files in number order
        assertThat(partitions)
                .containsExactly(Map.entry("files-000", List.of(1, 4)), Map.entry("files-001", List.of(0, 2, 3)));
    }

    @Test
    void equalSizesGoRoundInNumberOrder() throws IOException {
        // given: ties everywhere, which the lower file number and then the lower partition win
        inputFiles(7, 7, 7, 7, 7);

        // when
        Map<String, List<Integer>> partitions = partitions(3);

        // then
        assertThat(partitions)
                .containsExactly(
                        Map.entry("files-000", List.of(0, 3)),
                        Map.entry("files-001", List.of(1, 4)),
                        Map.entry("files-002", List.of(2)));
    }

    @Test
    void fewerFilesThanTheGridGiveOneFileEach() throws IOException {
        inputFiles(300, 20, 1);

        assertThat(partitions(8))
                .containsExactly(
                        Map.entry("files-000", List.of(0)),
                        Map.entry("files-001", List.of(1)),
                        Map.entry("files-002", List.of(2)));
    }

    @Test
    void emptyFilesAreSpreadLikeAnyOther() throws IOException {
        // given: files of 0 bytes, which leave a partition as light as an empty one
        inputFiles(0, 0, 0);

        // then: no partition left without a file
        assertThat(partitions(3))
                .containsExactly(
                        Map.entry("files-000", List.of(0)),
                        Map.entry("files-001", List.of(1)),
                        Map.entry("files-002", List.of(2)));
        assertThat(partitions(2))
                .containsExactly(Map.entry("files-000", List.of(0, 2)), Map.entry("files-001", List.of(1)));
    }

    @Test
    void anEmptyDayHasNoPartition() throws IOException {
        Files.writeString(day.resolve("_READY"), "");

        assertThat(new FilePartitioner(() -> day).partition(4)).isEmpty();
        assertThat(new FilePartitioner(() -> day.resolve("missing")).partition(4))
                .as("no day folder at all")
                .isEmpty();
    }

    static Stream<Arguments> grids() {
        return Stream.of(
                Arguments.of("a grid of 0 counts as 1", 0, 1),
                Arguments.of("one partition", 1, 1),
                Arguments.of("two", 2, 2),
                Arguments.of("a grid that does not divide the files", 7, 7),
                Arguments.of("as many as files", 23, 23),
                Arguments.of("more than files", 64, 23));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void everyFileIsInExactlyOnePartitionOfAtMostTheGrid(String description, int gridSize, int expected)
            throws IOException {
        // given: 23 files of sizes from 0 bytes to some 8 KiB, in no order
        long[] sizes =
                IntStream.range(0, 23).mapToLong(no -> (no * 7919L) % 8192).toArray();
        inputFiles(sizes);

        // when
        Map<String, List<Integer>> partitions = partitions(gridSize);

        // then
        assertThat(partitions).hasSize(expected);
        List<String> names = new ArrayList<>();
        for (int p = 0; p < expected; p++) {
            names.add(String.format("files-%03d", p));
        }
        assertThat(partitions.keySet()).containsExactlyElementsOf(names);
        List<Integer> all =
                partitions.values().stream().flatMap(List::stream).sorted().toList();
        assertThat(all).isEqualTo(IntStream.range(0, 23).boxed().toList());
        for (List<Integer> files : partitions.values()) {
            assertThat(files).isNotEmpty().isSorted();
        }
        long largest = IntStream.range(0, 23).mapToLong(no -> sizes[no]).max().orElseThrow();
        long[] bytes = partitions.values().stream()
                .mapToLong(files -> files.stream().mapToLong(no -> sizes[no]).sum())
                .toArray();
        long spread = java.util.Arrays.stream(bytes).max().orElseThrow()
                - java.util.Arrays.stream(bytes).min().orElseThrow();
        assertThat(spread)
                .as("largest first: partitions differ by at most the largest file")
                .isLessThanOrEqualTo(largest);
        assertThat(partitions(gridSize))
                .as("the same folder, the same partitions")
                .isEqualTo(partitions);
    }
}
