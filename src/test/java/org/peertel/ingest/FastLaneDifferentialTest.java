package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.sample.SampleDataGenerator;
import org.peertel.sample.ScaleSettings;

/**
 * The fast lane changes no result: the same files read with it and with the reference chain alone give the same
 * rows, the same end and the same checksum ({@link LaneComparison}), over lines on the border of every rule the
 * fast lane checks, random and mutated bytes, the golden inputs and generated data (bad rows, IPv6, gzip), each
 * under several size limits. The hostile corpus is compared in {@code HostileFastLaneTest}.
 */
class FastLaneDifferentialTest {

    private static final LocalDate DAY = DayFolder.DAY;
    /** The defaults, a record limit just above a normal row and one below it, and a small file limit. */
    private static final List<IngestLimits> LIMITS = List.of(
            IngestLimits.DEFAULTS,
            new IngestLimits(IngestLimits.DEFAULT_MAX_FILE_BYTES, 80),
            DayFolder.recordLimit(IngestLimits.MIN_RECORD_BYTES),
            new IngestLimits(3_000, 1_000));

    @TempDir
    Path root;

    static Stream<Long> seeds() {
        return LongStream.range(0, 300).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void linesOnTheBorderOfEveryRule(long seed) throws IOException {
        DayFolder folder = new DayFolder(root);
        byte[] text = NearValidLines.file(seed, 200);
        folder.writeBytes("near.csv", text).writeBytes("near.csv.gz", DayFolder.gzip(text));

        long fastRows = 0;
        for (IngestLimits limits : LIMITS) {
            fastRows += LaneComparison.assertSameOnBothLanes(folder.directory, DAY, limits);
        }

        assertThat(fastRows).as("the fast lane takes the valid lines").isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomAndMutatedBytes(long seed) throws IOException {
        Path folder = root.resolve(DAY.toString());
        RandomLatencyFiles.write(folder, seed);

        for (IngestLimits limits : LIMITS) {
            LaneComparison.assertSameOnBothLanes(folder, DAY, limits);
        }
    }

    @Test
    void goldenInputs() throws IOException {
        long fastRows = 0;
        try (Stream<Path> days = Files.find(
                Path.of("src/test/resources/golden"),
                4,
                (path, attributes) ->
                        attributes.isDirectory() && path.getParent().endsWith("latency"))) {
            for (Path day : days.toList()) {
                for (IngestLimits limits : LIMITS) {
                    fastRows += LaneComparison.assertSameOnBothLanes(
                            day, LocalDate.parse(day.getFileName().toString()), limits);
                }
            }
        }
        assertThat(fastRows).isPositive();
    }

    @ParameterizedTest(name = "gzip {0}")
    @MethodSource("gzipOrNot")
    void generatedDataWithBadRowsAndIpv6(boolean gzip) throws IOException {
        ScaleSettings settings = new ScaleSettings(DAY, 1, 3, 30, 40, 20, 0.05, 30_000, 3, 0.3, 0.2, 11, gzip, null);
        SampleDataGenerator.writeScale(root, settings);
        Path folder = root.resolve("latency").resolve(DAY.toString());

        long fastRows = LaneComparison.assertSameOnBothLanes(folder, DAY, IngestLimits.DEFAULTS);
        LaneComparison.assertSameOnBothLanes(folder, DAY, new IngestLimits(100_000, 80));

        assertThat(fastRows).as("most valid IPv4 rows take the fast lane").isGreaterThan(30_000 / 3);
    }

    static Stream<Boolean> gzipOrNot() {
        return Stream.of(false, true);
    }
}
