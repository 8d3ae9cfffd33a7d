package org.peertel.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;

/** Appending to the attempt log: whole lines, also from writers at the same moment, also after a crashed writer. */
class AttemptLogWriterTest {

    @TempDir
    Path work;

    static Attempt attempt(int writer, int n, String reason) {
        return new Attempt(
                Instant.parse("2026-12-07T02:30:00Z"),
                Instant.parse("2026-12-07T02:30:01Z"),
                "run",
                "peertel run --date yesterday",
                List.of(LocalDate.parse("2026-12-06")),
                0,
                Attempt.Outcome.NOT_STARTED,
                2,
                reason,
                writer * 1_000L + n);
    }

    @Test
    void writersAtTheSameMomentNeverInterleaveTheirLines() throws Exception {
        // given: 8 writers, each with its own file open (as separate processes have), 50 lines of about 3.8 kB each
        Path log = work.resolve("out/t.duckdb.attempts.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Void>> writers = new ArrayList<>();

        // when
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(pool.submit((Callable<Void>) () -> {
                for (int n = 0; n < 50; n++) {
                    AttemptLogWriter.append(
                            log, attempt(writer, n, Integer.toString(writer).repeat(1_400)));
                }
                return null;
            }));
        }
        for (Future<Void> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        // then: every line whole
        AttemptLog.Contents contents = AttemptLog.read(log);
        assertThat(contents.malformedLines()).isEmpty();
        assertThat(contents.attempts()).hasSize(400);
        for (Attempt a : contents.attempts()) {
            assertThat(a.reason()).isEqualTo(Long.toString(a.pid() / 1_000).repeat(1_400));
        }
    }

    @Test
    void aLineCutShortByACrashCostsOnlyThatLine() throws Exception {
        // given: a writer died in the middle of its line
        Path log = work.resolve("t.duckdb.attempts.jsonl");
        String line = AttemptLog.line(attempt(1, 1, "first"));
        Files.writeString(log, line + line.substring(0, 40));

        // when
        AttemptLogWriter.append(log, attempt(2, 2, "after the crash"));

        // then
        AttemptLog.Contents contents = AttemptLog.read(log);
        assertThat(contents.attempts()).extracting(Attempt::reason).containsExactly("first", "after the crash");
        assertThat(contents.malformedLines()).containsExactly(2);
    }
}
