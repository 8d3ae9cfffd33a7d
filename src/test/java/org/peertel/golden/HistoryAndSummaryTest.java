package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.config.JobSettings;
import org.peertel.job.Progress;
import org.peertel.job.ProgressListener;
import org.peertel.job.RunReason;
import org.peertel.job.TelemetryJobParameters;
import org.peertel.launch.TelemetryApplication;
import org.peertel.launch.TelemetryLauncher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code peertel history} and the summary that ends {@code peertel run}, on the golden week: the numbers are those
 * of the expected {@code runs/<date>.json} files, which an independent reference implementation computed.
 */
class HistoryAndSummaryTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void historyListsEveryExecutionWithItsCountsAndWhyItRan() throws Exception {
        // given: no run yet
        PeertelCall none = peertel("history", "--db", work.resolve("t.duckdb").toString());
        assertEquals(0, none.code(), none.err());
        assertEquals(
                "No history yet: there is no job repository at "
                        + work.resolve("t-jobs.mv.db").toAbsolutePath() + " (nothing has been run with --db "
                        + work.resolve("t.duckdb") + ")." + System.lineSeparator(),
                none.out());
        try (var files = Files.list(work)) {
            assertEquals(List.of(), files.toList(), "history created nothing");
        }

        // when: 03-02 fails in alertStep, is restarted, is run again (attempt 2); then the rest of the week
        Path out = work.resolve("out");
        Files.createDirectories(out);
        Files.createDirectories(out.resolve("alerts/2026-03-02.csv")); // a folder where the file goes
        assertEquals(1, run("--from", "2026-03-02", "--to", "2026-03-03").code());
        Files.delete(out.resolve("alerts/2026-03-02.csv"));
        assertEquals(0, run("--from", "2026-03-02", "--to", "2026-03-03").code());
        assertEquals(0, run("--date", "2026-03-02").code());
        assertEquals(0, run("--from", "2026-03-04", "--to", "2026-03-07").code());

        // then
        PeertelCall history =
                peertel("history", "--db", work.resolve("t.duckdb").toString());
        assertEquals(0, history.code(), history.err());
        assertEquals(
                List.of(
                        List.of(
                                "day",
                                "attempt",
                                "status",
                                "started (UTC)",
                                "duration",
                                "rows read",
                                "attributed",
                                "rejected",
                                "alerts",
                                "why",
                                "cause"),
                        List.of(
                                "2026-03-02",
                                "1",
                                "FAILED",
                                "START",
                                "DURATION",
                                "-",
                                "-",
                                "-",
                                "-",
                                "manual",
                                "alertStep: cannot write output file "
                                        + out.resolve("alerts/2026-03-02.csv").toAbsolutePath()
                                        + ": a folder is in the way of the file; move it away or choose another --out"),
                        List.of(
                                "2026-03-02",
                                "1",
                                "COMPLETED",
                                "START",
                                "DURATION",
                                "307",
                                "290",
                                "11",
                                "1",
                                "restart (manual)"),
                        List.of("2026-03-02", "2", "COMPLETED", "START", "DURATION", "307", "290", "11", "1", "manual"),
                        List.of("2026-03-03", "1", "COMPLETED", "START", "DURATION", "289", "272", "11", "1", "manual"),
                        List.of("2026-03-04", "1", "COMPLETED", "START", "DURATION", "302", "289", "7", "1", "manual"),
                        List.of("2026-03-05", "1", "COMPLETED", "START", "DURATION", "282", "272", "4", "1", "manual"),
                        List.of("2026-03-06", "1", "COMPLETED", "START", "DURATION", "303", "293", "4", "2", "manual"),
                        List.of("2026-03-07", "1", "COMPLETED", "START", "DURATION", "300", "287", "7", "2", "manual")),
                cells(history.out()));
        assertColumnsAligned(history.out());

        // and: filtered by day, either bound alone
        assertEquals(
                List.of("2026-03-06", "2026-03-07"),
                days(peertel("history", "--db", work.resolve("t.duckdb").toString(), "--from", "2026-03-06")));
        assertEquals(
                List.of("2026-03-02", "2026-03-02", "2026-03-02", "2026-03-03"),
                days(peertel("history", "--db", work.resolve("t.duckdb").toString(), "--to", "2026-03-03")));
        assertEquals(
                List.of("2026-03-04", "2026-03-05"),
                days(peertel(
                        "history",
                        "--db",
                        work.resolve("t.duckdb").toString(),
                        "--from",
                        "2026-03-04",
                        "--to",
                        "2026-03-05")));
        PeertelCall empty = peertel("history", "--db", work.resolve("t.duckdb").toString(), "--from", "2026-04-01");
        assertEquals(0, empty.code());
        assertEquals("No job executions from 2026-04-01." + System.lineSeparator(), empty.out());
        PeertelCall reversed = peertel(
                "history", "--db", work.resolve("t.duckdb").toString(), "--from", "2026-03-05", "--to", "2026-03-04");
        assertEquals(2, reversed.code());
        assertTrue(reversed.err().contains("--to 2026-03-04 is before --from 2026-03-05"), reversed.err());
        assertEquals(2, peertel("history", "--from", "March").code());
    }

    @Test
    void anAttemptThatStartedNoJobIsListedWithItsReason() throws Exception {
        // given: a night that could not start (no input folder), before any job ever ran on this database
        PeertelCall refused = run("--date", "2026-03-09");
        assertEquals(2, refused.code(), refused.err());

        // when
        PeertelCall history =
                peertel("history", "--db", work.resolve("t.duckdb").toString());

        // then: not "No job executions yet"
        assertEquals(0, history.code(), history.err());
        Path folder = CASE.resolve("input/latency/2026-03-09");
        assertEquals(
                List.of(List.of(
                        "2026-03-09",
                        "-",
                        "not started",
                        "START",
                        "DURATION",
                        "-",
                        "-",
                        "-",
                        "-",
                        "manual",
                        "no input folder " + folder + " for 2026-03-09: the day's latency files must be "
                                + "there (check --input) (exit 2)")),
                cells(history.out()).subList(1, 2));

        // and: among the executions of the days that did run, in day order, and filtered by day like them
        assertEquals(0, run("--date", "2026-03-07").code());
        assertEquals(
                List.of("2026-03-07 1 COMPLETED", "2026-03-09 - not started"),
                cells(peertel("history", "--db", work.resolve("t.duckdb").toString())
                                .out())
                        .stream()
                        .skip(1)
                        .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                        .toList());
        assertEquals(
                List.of("2026-03-07"),
                days(peertel("history", "--db", work.resolve("t.duckdb").toString(), "--to", "2026-03-08")));

        // and: a line cut short (a writer that died mid-line) is skipped, and said
        Path log = work.resolve("t.duckdb.attempts.jsonl");
        Files.writeString(log, "{\"start\":\"2026-03-10T02:30:00Z\",\"end\n", StandardOpenOption.APPEND);
        PeertelCall skipping =
                peertel("history", "--db", work.resolve("t.duckdb").toString());
        assertEquals(0, skipping.code());
        assertEquals(List.of("2026-03-07", "2026-03-09"), days(skipping));
        assertTrue(
                skipping.err().contains(log.toAbsolutePath() + ": skipped 1 line(s) that are not attempt records"),
                skipping.err());
    }

    @Test
    void aRestartShowsTheReasonOfTheInvocationThatRestartedIt() throws Exception {
        // given: a manual run of 03-02 failed
        Path out = work.resolve("out");
        Files.createDirectories(out);
        Files.createDirectories(out.resolve("alerts/2026-03-02.csv")); // a folder where the file goes
        assertEquals(1, run("--date", "2026-03-02").code());
        Files.delete(out.resolve("alerts/2026-03-02.csv"));

        // when: the nightly schedule restarts it (through the launcher's API, as the scheduler does), then a
        // catch-up and a late-data run start new attempts
        JobSettings settings = settings();
        try (ConfigurableApplicationContext context = TelemetryApplication.start(settings, settings.db())) {
            TelemetryLauncher launcher = context.getBean(TelemetryLauncher.class);
            TelemetryJobParameters day = new TelemetryJobParameters(
                    LocalDate.parse("2026-03-02"),
                    0,
                    settings.connections(),
                    settings.input(),
                    settings.out(),
                    settings.db(),
                    settings.alerts());
            assertEquals(
                    BatchStatus.COMPLETED, launcher.run(day, RunReason.NIGHTLY).getStatus());
            assertEquals(
                    BatchStatus.COMPLETED, launcher.run(day, RunReason.CATCH_UP).getStatus());
            assertEquals(
                    BatchStatus.COMPLETED,
                    launcher.run(day.withReason(RunReason.LATE_DATA)).getStatus());
        }

        // then
        List<List<String>> rows = cells(
                peertel("history", "--db", work.resolve("t.duckdb").toString()).out());
        assertEquals(
                List.of(
                        "1 FAILED manual",
                        "1 COMPLETED restart (nightly)",
                        "2 COMPLETED catch-up",
                        "3 COMPLETED late data"),
                rows.subList(1, rows.size()).stream()
                        .map(r -> r.get(1) + " " + r.get(2) + " " + r.get(9))
                        .toList());
    }

    @Test
    void eachRunEndsWithASummaryOfEveryDay() throws Exception {
        // when
        PeertelCall result = run("--from", "2026-03-05", "--to", "2026-03-06");

        // then: 03-06 alone has no REGRESSION alert (no earlier days for a baseline), only its HIGH_MEDIAN one
        assertEquals(0, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals("Run summary: 2 days (2026-03-05 to 2026-03-06), 2 completed", lines.get(0));
        assertEquals(
                List.of(
                        List.of(
                                "day",
                                "status",
                                "duration",
                                "rows read",
                                "attributed",
                                "no_prefix",
                                "loc_mismatch",
                                "rejected",
                                "alerts",
                                "why"),
                        List.of("2026-03-05", "COMPLETED", "DURATION", "282", "272", "3", "3", "4", "1", "manual"),
                        List.of("rejected: column_count 4; alerts: WARNING 1"),
                        List.of("2026-03-06", "COMPLETED", "DURATION", "303", "293", "3", "3", "4", "1", "manual"),
                        List.of("rejected: bad_rtt 1, bad_state 1, bad_timestamp 2; alerts: WARNING 1"),
                        List.of("total", "2 of 2 ok", "DURATION", "585", "565", "6", "6", "8", "2"),
                        List.of(
                                "rejected: bad_rtt 1, bad_state 1, bad_timestamp 2, column_count 4; alerts: WARNING 2")),
                cells(String.join("\n", lines.subList(1, lines.size() - 1))));
        assertEquals(
                "Outputs in " + work.resolve("out").toAbsolutePath() + ": alerts/<day>.csv, "
                        + "reports/<customer>/<day>.csv, <day>-prefixes.csv and <day>-hourly.csv, rejects/<day>.csv, runs/<day>.json",
                lines.get(lines.size() - 1));
        assertTrue(lines.size() <= 24, "one screen: " + lines.size() + " lines");
    }

    @Test
    void theSummaryOfAFailedRunShowsTheFailedDayAndTheDaysNotRun() throws Exception {
        // given
        Path out = work.resolve("out");
        Files.createDirectories(out);
        Files.createDirectories(out.resolve("alerts/2026-03-02.csv")); // a folder where the file goes

        // when
        PeertelCall result = run("--from", "2026-03-02", "--to", "2026-03-04");

        // then
        assertEquals(1, result.code());
        List<String> lines = result.out().lines().toList();
        assertEquals("Run summary: 3 days (2026-03-02 to 2026-03-04), 0 completed", lines.get(0));
        assertEquals(
                List.of(
                        List.of("2026-03-02", "FAILED", "DURATION", "-", "-", "-", "-", "-", "-", "manual"),
                        List.of("2026-03-03", "not run", "-", "-", "-", "-", "-", "-", "-", "-"),
                        List.of("2026-03-04", "not run", "-", "-", "-", "-", "-", "-", "-", "-"),
                        List.of("total", "0 of 3 ok", "DURATION", "0", "0", "0", "0", "0", "0")),
                cells(String.join("\n", lines.subList(2, lines.size() - 1))));
        assertTrue(result.err().contains("2026-03-02 failed (FAILED)"), result.err());
    }

    @Test
    void attributeStepReportsItsProgress() throws Exception {
        // given: a clock that moves 10 s at every look, so every chunk is worth a log line
        StringWriter progress = new StringWriter();
        long[] now = {0};
        JobSettings settings = settings();

        // when
        try (ConfigurableApplicationContext context = TelemetryApplication.start(settings, settings.db())) {
            context.getBean(ProgressListener.class)
                    .reportTo(new Progress(new PrintWriter(progress), false, () -> now[0] += 10_000_000_000L));
            TelemetryJobParameters day = new TelemetryJobParameters(
                    LocalDate.parse("2026-03-04"),
                    0,
                    settings.connections(),
                    settings.input(),
                    settings.out(),
                    settings.db(),
                    settings.alerts());
            assertEquals(
                    BatchStatus.COMPLETED,
                    context.getBean(TelemetryLauncher.class).run(day).getStatus());
        }

        // then: one chunk (302 rows < chunk-size), so one line after it and the final one
        String nl = System.lineSeparator();
        assertEquals(
                "peertel: 2026-03-04 reading: 2/2 files, 302 rows, 30 rows/s, 0:00:10 elapsed" + nl
                        + "peertel: 2026-03-04 reading: 2/2 files, 302 rows, 15 rows/s, 0:00:20 elapsed" + nl,
                progress.toString());
    }

    private JobSettings settings() {
        return new JobSettings(
                CASE.resolve("input/connections.csv"),
                CASE.resolve("input/latency"),
                work.resolve("out"),
                work.resolve("t.duckdb"),
                null,
                10_000,
                "");
    }

    private PeertelCall run(String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--connections",
                CASE.resolve("input/connections.csv").toString(),
                "--input",
                CASE.resolve("input/latency").toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        args.addAll(List.of(days));
        return peertel(args.toArray(String[]::new));
    }

    static PeertelCall peertel(String... args) {
        return PeertelCall.of(args);
    }

    /** The cells of each line (columns are two or more spaces apart); start times and durations masked. */
    static List<List<String>> cells(String text) {
        return text.lines()
                .map(line -> Arrays.stream(line.strip().split(" {2,}"))
                        .map(cell -> cell.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                                ? "START"
                                : cell.matches("\\d+\\.\\ds|\\d+m\\d\\ds|\\d+h\\d\\dm") ? "DURATION" : cell)
                        .toList())
                .toList();
    }

    static List<String> days(PeertelCall history) {
        assertEquals(0, history.code(), history.err());
        return cells(history.out()).stream().skip(1).map(row -> row.get(0)).toList();
    }

    /** A fixed-width table: every column starts (left-aligned) or ends (right-aligned) at the header's place. */
    static void assertColumnsAligned(String table) {
        List<String> lines = table.lines().toList();
        String header = lines.get(0);
        int why = header.indexOf("why");
        int rowsRead = header.indexOf("rows read") + "rows read".length();
        for (String line : lines) {
            assertEquals(' ', line.charAt(why - 1), line);
            assertFalse(line.substring(why).isBlank(), line);
            assertFalse(Character.isWhitespace(line.charAt(rowsRead - 1)), line);
        }
    }
}
