package org.peertel.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.ingest.IngestLimits;
import org.peertel.ingest.LaneComparison;

/**
 * Every case of the hostile corpus gives the same rows, bad files and checksums with the reader's fast lane as with
 * its reference chain alone, under the default limits and under small ones (a small file limit turns many cases
 * into files refused mid-way, a small record limit into long records).
 */
class HostileFastLaneTest {

    private static final List<IngestLimits> LIMITS = List.of(
            IngestLimits.DEFAULTS,
            new IngestLimits(8L << 20, IngestLimits.DEFAULT_MAX_RECORD_BYTES),
            new IngestLimits(5_000, IngestLimits.MIN_RECORD_BYTES));

    @TempDir
    Path root;

    static List<HostileCase> cases() throws IOException {
        return HostileCase.all().stream().filter(c -> !c.skipBadFiles()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameResultOnBothLanes(HostileCase hostile) throws IOException {
        Path day = root.resolve(HostileCase.DAY);
        hostile.writeDay(day);

        for (IngestLimits limits : LIMITS) {
            LaneComparison.assertSameOnBothLanes(day, LocalDate.parse(HostileCase.DAY), limits);
        }
    }
}
