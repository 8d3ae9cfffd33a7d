package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that is late or missing, through the real command line: an empty day (an outage) is refused rather than
 * reported as zero traffic, or processed with {@code coverage=none} when allowed; a ready marker holds a half-copied
 * folder back; a range names every day that is not ready at once; a long range needs {@code --yes} and its summary
 * fits a screen. (A folder that arrives late while {@code schedule} waits: {@link LateFolderTest}.)
 */
class LateOrMissingInputTest {

    static final Path WEEK = GoldenJobTest.CASES.resolve("week/input");
    static final String DAY = "2026-03-02";
    static final String HEADER = "timestamp,client_ip,country,state,edge_pop,rtt_ms\n";

    @TempDir
    Path work;

    @Test
    void anEmptyDayFailsPreflightInsteadOfLookingLikeZeroTraffic() throws IOException {
        // given: a day folder whose input files hold no data row (an outage of the collectors)
        emptyDay(DAY);

        // when
        PeertelCall result = peertel("run", "--date", DAY);

        // then
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains(DAY + " is an empty day: " + input().resolve(DAY)
                        + ": its 3 input files are 0-byte, blank or header-only")
                .contains("--allow-empty-day");
        assertThat(work.resolve("out")).as("nothing written").doesNotExist();
        assertThat(work.resolve("t.duckdb")).as("no database").doesNotExist();
    }

    @Test
    void anEmptyDayAllowedIsProcessedAsADayWithoutDataAndEveryReportRowSaysNone() throws IOException {
        // given
        emptyDay(DAY);

        // when
        PeertelCall result = peertel("run", "--date", DAY, "--allow-empty-day");

        // then
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("EMPTY: no data row in the day's files (reports say coverage=none)");
        List<String> rows = reportRows(DAY);
        assertThat(rows).hasSize(8).allSatisfy(row -> assertThat(row).endsWith(",0,,,,,,,none"));
        assertThat(Files.readString(work.resolve("out/runs/" + DAY + ".json")))
                .contains("\"rows_read\": 0")
                .contains("\"partial\": false");
    }

    @Test
    void theSettingAllowsEmptyDaysLikeTheOption() throws IOException {
        // given
        emptyDay(DAY);
        settings("input.allow-empty-day = true");

        // when
        PeertelCall result = peertel("run", "--date", DAY);

        // then
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(reportRows(DAY)).allSatisfy(row -> assertThat(row).endsWith(",none"));
    }

    @Test
    void aDayWhoseFilesWereAllSkippedAsBadStaysPartial() throws IOException {
        // given: a header-only file and a corrupt gzip: the day is not empty, its bad file is left out
        Path day = Files.createDirectories(input().resolve(DAY));
        Files.writeString(day.resolve("a-header.csv"), HEADER);
        Files.write(day.resolve("b-broken.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, -1, -1});

        // when
        PeertelCall refused = peertel("run", "--date", DAY);
        PeertelCall skipped = peertel("run", "--date", DAY, "--skip-bad-files");

        // then: without the option the bad file fails the day (exit 1), as it did: a bad file is not "empty"
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("bad input file").doesNotContain("empty day");
        assertThat(skipped.code()).as(skipped.toString()).isZero();
        assertThat(reportRows(DAY)).allSatisfy(row -> assertThat(row).endsWith(",partial"));
    }

    @Test
    void aReadyMarkerHoldsBackAFolderStillBeingCopied() throws IOException {
        // given
        dataDay(DAY);
        settings("input.ready-file = _SUCCESS");

        // when: the files are there, the marker is not
        PeertelCall early = peertel("run", "--date", DAY);
        Files.writeString(input().resolve(DAY).resolve("_SUCCESS"), "");
        PeertelCall ready = peertel("run", "--date", DAY);

        // then
        assertThat(early.code()).as(early.toString()).isEqualTo(2);
        assertThat(early.err())
                .contains("no ready marker " + input().resolve(DAY).resolve("_SUCCESS") + " yet for " + DAY);
        assertThat(ready.code()).as(ready.toString()).isZero();
        assertThat(Files.readString(work.resolve("out/runs/" + DAY + ".json"))).contains("\"rows_read\": 307");
    }

    @Test
    void scheduleSaysWhatAWaitingDayWaitsFor() throws IOException {
        // given: yesterday (UTC), the day a new installation's first pass is due for, is an empty day
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Path folder = input().resolve(yesterday.toString());
        emptyDay(yesterday.toString());
        settings("input.ready-file = _SUCCESS");

        // when: a pass before its ready marker is there, a pass after
        PeertelCall beforeMarker = peertel("schedule", "--once");
        Files.writeString(folder.resolve("_SUCCESS"), "");
        PeertelCall afterMarker = peertel("schedule", "--once");

        // then
        assertThat(beforeMarker.code()).as(beforeMarker.toString()).isZero();
        assertThat(beforeMarker.out())
                .contains(yesterday + ": waiting for " + folder.resolve("_SUCCESS")
                        + ", the ready marker (input.ready-file) (catch-up)");
        assertThat(afterMarker.code()).as(afterMarker.toString()).isZero();
        assertThat(afterMarker.out())
                .contains(yesterday + ": waiting for data in " + folder
                        + ": its 3 input files are 0-byte, blank or header-only (catch-up); an empty day is not a "
                        + "day of zero traffic: --allow-empty-day processes it as a day without data")
                .doesNotContain(yesterday + ": processing");
        assertThat(work.resolve("out/runs/" + yesterday + ".json")).doesNotExist();
    }

    @Test
    void aRangeNamesEveryDayThatIsNotReadyAtOnce() throws IOException {
        // given: 03-02 .. 03-07, of which 03-03 and 03-05 .. 03-06 have no folder and 03-07 is empty
        for (String day : List.of("2026-03-02", "2026-03-04")) {
            dataDay(day);
        }
        emptyDay("2026-03-07");

        // when
        PeertelCall result = peertel("run", "--from", "2026-03-02", "--to", "2026-03-07");

        // then
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("no input folder for 3 days under " + input() + ": 2026-03-03, 2026-03-05 .. 2026-03-06")
                .contains("2026-03-07 is an empty day");
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aRangeLongerThanRunMaxDaysNeedsYes() throws IOException {
        // given
        settings("run.max-days = 3");
        for (String day : List.of("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05")) {
            emptyDay(day);
        }

        // when
        PeertelCall refused = peertel("run", "--from", "2026-03-02", "--to", "2026-03-05", "--allow-empty-day");
        PeertelCall confirmed =
                peertel("run", "--from", "2026-03-02", "--to", "2026-03-05", "--allow-empty-day", "--yes");

        // then
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("holds 4 days, more than run.max-days (3); add --yes");
        assertThat(confirmed.code()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("4 of 4 ok");
    }

    @Test
    void theSummaryOfALongRangeFitsAScreen() throws IOException {
        // given: 25 days, each with NO_DATA alerts (a line and a note each); the 21st has a corrupt file
        LocalDate first = LocalDate.parse("2026-01-01");
        for (int i = 0; i < 25; i++) {
            emptyDay(first.plusDays(i).toString());
        }
        Files.write(
                input().resolve("2026-01-21").resolve("z-broken.csv.gz"),
                new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, -1, -1});

        // when
        PeertelCall result = peertel("run", "--from", "2026-01-01", "--to", "2026-01-25", "--allow-empty-day");

        // then: the failed day, as many alerting days as fit, the totals of every day, what was left out
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        List<String> summary = result.out().lines().toList();
        assertThat(summary.size()).as(result.out()).isLessThanOrEqualTo(43);
        assertThat(result.out())
                .contains("Run summary: 25 days (2026-01-01 to 2026-01-25), 20 completed")
                .containsPattern("2026-01-21 +FAILED")
                .containsPattern("total +20 of 25 ok +\\S+ +0 +0 +0 +0 +0 +160")
                .contains("EMPTY: 20 days without a data row (coverage=none)")
                .contains("4 not run: 2026-01-22 .. 2026-01-25")
                .contains("Every day: peertel history --from 2026-01-01 --to 2026-01-25");
    }

    private Path input() {
        return work.resolve("latency");
    }

    /** An outage: a 0-byte file, a file of blank lines and a header-only gzip, and a file that is not input. */
    private void emptyDay(String day) throws IOException {
        Path folder = Files.createDirectories(input().resolve(day));
        Files.write(folder.resolve("a-empty.csv"), new byte[0]);
        Files.writeString(folder.resolve("b-blank.csv"), "\n\r\n");
        Files.copy(
                GoldenJobTest.CASES.resolve("empty-day/input/latency/2026-03-17/c-header-only.csv.gz"),
                folder.resolve("c-header.csv.gz"));
        Files.writeString(folder.resolve("notes.txt"), "collector down\n");
    }

    /** The golden week's 2026-03-02 files (307 rows), under {@code day}'s folder. */
    private void dataDay(String day) throws IOException {
        Path folder = Files.createDirectories(input().resolve(day));
        try (Stream<Path> files = Files.list(WEEK.resolve("latency/2026-03-02"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void settings(String... lines) throws IOException {
        Files.writeString(
                work.resolve("telemetry.properties"),
                String.join("\n", lines) + "\nalerts = "
                        + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n");
    }

    /** Every data row of every customer's report of {@code day}. */
    private List<String> reportRows(String day) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> customers = Files.list(work.resolve("out/reports"))) {
            for (Path customer : customers.sorted().toList()) {
                rows.addAll(Files.readAllLines(customer.resolve(day + ".csv"))
                        .subList(
                                1,
                                Files.readAllLines(customer.resolve(day + ".csv"))
                                        .size()));
                List<String> prefixes = Files.readAllLines(customer.resolve(day + "-prefixes.csv"));
                assertThat(prefixes).as("a day without data has no prefix row").hasSize(1);
            }
        }
        return rows;
    }

    private PeertelCall peertel(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of(
                "--connections",
                WEEK.resolve("connections.csv").toString(),
                "--input",
                input().toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        if (Files.exists(work.resolve("telemetry.properties"))) {
            line.addAll(
                    List.of("--settings", work.resolve("telemetry.properties").toString()));
        }
        return PeertelCall.of(line);
    }
}
