package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever bytes a day folder holds, the latency reader ends with rows, rejects and (only) bad files,
 * never another exception, and what it returns is well-formed. Each seed writes a folder of random files
 * ({@link RandomLatencyFiles}), read twice with a 64-byte record limit: stopping at the first bad file, and
 * skipping bad files.
 */
class LatencyReaderFuzzTest {

    private static final int MAX_RECORD = IngestLimits.MIN_RECORD_BYTES;
    private static final IngestLimits LIMITS = new IngestLimits(1 << 20, MAX_RECORD);
    private static final String MARKER_START = " [truncated: ";

    @TempDir
    Path root;

    static Stream<Long> seeds() {
        return LongStream.range(0, 400).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesGiveRowsRejectsOrBadFilesOnly(long seed) throws IOException {
        DayFolder folder = folder(root, seed);

        LatencyDayRows skipping = read(folder, true);
        LatencyDayRows stopping = read(folder, false);

        assertThat(skipping.failure())
                .as("nothing escapes when bad files are skipped")
                .isNull();
        assertWellFormed(skipping.rows());
        assertWellFormed(stopping.rows());
        if (stopping.failure() != null) {
            assertThat(skipping.skipped())
                    .extracting(SkippedFile::name, SkippedFile::reason)
                    .first()
                    .isEqualTo(org.assertj.core.groups.Tuple.tuple(
                            stopping.failure().fileName(), stopping.failure().reason()));
            assertThat(stopping.failure().getMessage())
                    .contains(
                            stopping.failure().fileName(),
                            "(" + stopping.failure().reason().code() + ")");
        } else {
            assertThat(skipping.skipped()).isEmpty();
            assertThat(stopping.rows()).isEqualTo(skipping.rows());
        }
        Map<String, Long> rowsPerFile = new HashMap<>();
        skipping.rows().forEach(row -> rowsPerFile.merge(row.file(), 1L, Long::sum));
        for (InputFile file : skipping.files()) {
            boolean skipped = skipping.skipped().stream().anyMatch(s -> s.name().equals(file.name()));
            assertThat(file.rows()).as(file.name()).isEqualTo(skipped ? 0 : rowsPerFile.getOrDefault(file.name(), 0L));
        }
        assertThat(read(folder, true).rows())
                .as("the same bytes give the same rows")
                .isEqualTo(skipping.rows());
    }

    @Test
    void theSeedsReachEveryRejectReasonAndMostKindsOfBadFile() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (long seed : seeds().toList()) {
            LatencyDayRows read = read(folder(root.resolve("s" + seed), seed), true);
            read.rows()
                    .forEach(row ->
                            seen.add(row instanceof RejectedRow r ? r.reason().code() : "measurement"));
            read.skipped().forEach(file -> seen.add(file.reason().code()));
        }
        Set<String> expected =
                new TreeSet<>(List.of("measurement", "not_gzip", "corrupt_gzip", "truncated_gzip", "bad_header"));
        for (RejectReason reason : RejectReason.values()) {
            expected.add(reason.code());
        }
        assertThat(seen).containsAll(expected);
    }

    /** The day folder of a seed. */
    private static DayFolder folder(Path root, long seed) throws IOException {
        DayFolder folder = new DayFolder(root);
        RandomLatencyFiles.write(folder.directory, seed);
        return folder;
    }

    /** Lines strictly increase within a file; a reject's raw is printable and bounded; a reason is set. */
    private static void assertWellFormed(List<LatencyRow> rows) {
        Map<String, Long> lastLine = new HashMap<>();
        for (LatencyRow row : rows) {
            assertThat(row.line()).as("data rows start after the header").isGreaterThanOrEqualTo(2);
            Long previous = lastLine.put(row.file(), row.line());
            assertThat(row.line()).as("lines increase in " + row.file()).isGreaterThan(previous == null ? 0 : previous);
            if (row instanceof RejectedRow reject) {
                assertThat(reject.reason()).isNotNull();
                assertThat(Utf8Text.hasInvalidByteOrNul(reject.raw()))
                        .as("printable raw: " + reject)
                        .isFalse();
                int marker = reject.raw().lastIndexOf(MARKER_START);
                String kept = marker >= 0 && reject.raw().endsWith(" bytes in all]")
                        ? reject.raw().substring(0, marker)
                        : reject.raw();
                assertThat(kept.getBytes(StandardCharsets.UTF_8).length - 2L * count(kept, Utf8Text.REPLACEMENT))
                        .as("bytes of the file kept in " + reject)
                        .isLessThanOrEqualTo(MAX_RECORD);
            } else {
                Measurement m = (Measurement) row;
                assertThat(m.edgePop()).isNotEmpty();
                assertThat(m.clientIp()).isNotNull();
            }
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    private static LatencyDayRows read(DayFolder folder, boolean skip) {
        return LatencyDayRows.read(folder.directory, DayFolder.DAY, LIMITS, skip);
    }
}
