package org.peertel.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The attempt log's line format, both ways, and what a reader does with lines that are not attempts. */
class AttemptLogTest {

    @TempDir
    Path work;

    static Attempt attempt(String reason, List<LocalDate> days) {
        return new Attempt(
                Instant.parse("2026-12-07T02:30:00.123Z"),
                Instant.parse("2026-12-07T02:30:01.456Z"),
                "run",
                "peertel run --date yesterday --db /srv/peertel/out/peertel.duckdb",
                days,
                0,
                Attempt.Outcome.NOT_STARTED,
                2,
                reason,
                4242);
    }

    static Stream<Arguments> lines() {
        LocalDate day = LocalDate.parse("2026-12-06");
        List<LocalDate> alternate = new ArrayList<>();
        for (int i = 0; i < 300; i += 2) {
            alternate.add(day.minusDays(i));
        }
        return Stream.of(
                Arguments.of("one day", "no input folder /srv/latency/2026-12-06", List.of(day)),
                Arguments.of("no day (a usage error before the days were read)", "--date: not a day", List.of()),
                Arguments.of("a range is written as first..last", "", List.of(day.minusDays(2), day.minusDays(1), day)),
                Arguments.of(
                        "quotes, backslashes, tabs and other scripts survive",
                        "path \"C:\\x\"\twith tab, ünïcødé and \u0001 a control character",
                        List.of(day)),
                Arguments.of("only the first line of a reason is kept", "first line\nsecond line", List.of(day)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void aLineReadsBackAsTheAttemptItWasWrittenFrom(String description, String reason, List<LocalDate> days) {
        // given
        Attempt attempt = attempt(reason, days);

        // when
        String line = AttemptLog.line(attempt);

        // then
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(AttemptLog.parse(line.substring(0, line.length() - 1))).isEqualTo(attempt);
    }

    @Test
    void theLineFormatIsTheDocumentedOne() {
        assertThat(AttemptLog.line(attempt("no input folder", List.of(LocalDate.parse("2026-12-06")))))
                .isEqualTo("{\"start\":\"2026-12-07T02:30:00.123Z\",\"end\":\"2026-12-07T02:30:01.456Z\","
                        + "\"command\":\"run\",\"arguments\":\"peertel run --date yesterday --db "
                        + "/srv/peertel/out/peertel.duckdb\",\"days\":[\"2026-12-06\"],\"executions\":0,"
                        + "\"outcome\":\"not_started\",\"exit\":2,\"reason\":\"no input folder\",\"pid\":4242}\n");
        assertThat(AttemptLog.ranges(List.of(
                        LocalDate.parse("2026-12-01"),
                        LocalDate.parse("2026-12-02"),
                        LocalDate.parse("2026-12-03"),
                        LocalDate.parse("2026-12-05"))))
                .containsExactly("2026-12-01..2026-12-03", "2026-12-05");
    }

    @Test
    void aLineStaysUnderPipeBufWhateverItHolds() {
        // given: a reason and a command line of 10 kB each, and 150 days none of which follow each other
        List<LocalDate> scattered = new ArrayList<>();
        for (int i = 0; i < 300; i += 2) {
            scattered.add(LocalDate.parse("2026-12-06").minusDays(i));
        }
        Attempt big = new Attempt(
                Instant.parse("2026-12-07T02:30:00Z"),
                Instant.parse("2026-12-07T02:30:01Z"),
                "schedule",
                "peertel " + "ü".repeat(10_000),
                scattered,
                150,
                Attempt.Outcome.FAILED,
                1,
                "x".repeat(10_000),
                1);

        // when
        String line = AttemptLog.line(big);

        // then: shortened, and still an attempt
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AttemptLog.MAX_LINE_BYTES);
        Attempt read = AttemptLog.parse(line.strip());
        assertThat(read.reason()).endsWith("...");
        assertThat(read.exitCode()).isEqualTo(1);
        assertThat(line).contains("more days\"]");
        assertThat(scattered).containsAll(read.days());
    }

    @Test
    void aReaderSkipsLinesThatAreNotAttemptsAndSaysWhichOnes() throws IOException {
        // given: a good line, a line cut short by a crash (then ended by the next writer), a blank line, garbage,
        // a good line, and a last line without its end
        String good = AttemptLog.line(attempt("no input folder", List.of(LocalDate.parse("2026-12-06"))));
        String cut = good.substring(0, 60);
        Path log = work.resolve("t.duckdb.attempts.jsonl");
        Files.writeString(log, good + cut + "\n" + good + "\n" + "not json\n" + "{\"start\":1}\n" + good + cut);

        // when
        AttemptLog.Contents contents = AttemptLog.read(log);

        // then
        assertThat(contents.attempts()).hasSize(3);
        assertThat(contents.malformedLines()).containsExactly(2, 5, 6, 8);
        assertThat(AttemptLog.read(work.resolve("none.jsonl"))).isEqualTo(AttemptLog.Contents.none());
    }

    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of(
                        "java.io.UncheckedIOException: cannot write output file x: a folder is in the way\n\tat a.b(C)",
                        "cannot write output file x: a folder is in the way"),
                Arguments.of(
                        "org.peertel.ingest.BadInputFileException: bad input file f.csv.gz (corrupt_gzip): ...",
                        "bad input file f.csv.gz (corrupt_gzip): ..."),
                Arguments.of("org.springframework.batch.core.job.JobInterruptedException", ""),
                Arguments.of("a plain message: with a colon", "a plain message: with a colon"),
                Arguments.of(null, ""));
    }

    @ParameterizedTest
    @MethodSource("causes")
    void theCauseOfAnExecutionIsTheFirstLineOfItsTraceWithoutTheExceptionClass(String description, String cause) {
        assertThat(ExecutionCause.firstLine(description)).isEqualTo(cause);
    }
}
