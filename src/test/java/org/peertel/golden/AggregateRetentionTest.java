package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.store.ArchivedTable;
import org.peertel.store.DuckDbFile;

/**
 * {@code retention.aggregate-days} on the golden week: the days older than the window leave DuckDB whole (their
 * aggregates, alerts, judgements, owners and manifests too), except where an incident is open across the window's
 * first day, and every output, the range report over the whole week included, is that of a run that keeps every day.
 * An archived day processed again brings the archived days back for its alerts, and the store ends as it was. A
 * REGRESSION baseline of 2 days and a catch-up horizon of 2 days, so that a 3-day window is allowed; REGRESSION and
 * NO_DATA only, so that the incidents leave an old day to archive.
 */
class AggregateRetentionTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void olderDaysLeaveDuckDbWholeAndEveryOutputStaysThatOfARunKeepingThem() throws Exception {
        // given
        Path kept = Files.createDirectories(work.resolve("kept"));
        Path retained = Files.createDirectories(work.resolve("retained"));
        Path keptSettings = settings(kept, 0, 0);
        Path retainedSettings = settings(retained, 2, 3);

        // when
        runWeek(kept, keptSettings);
        runWeek(retained, retainedSettings);

        // then: the window is 03-05 .. 03-07, but initech-nyc's REGRESSION is open from 03-04 to 03-06, and acme-nyc's
        // from 03-03 to 03-04 (its resolution on 03-04 needs 03-03): DuckDB holds 03-03 on, the archive 03-02
        List<String> heldDays = DuckDbFile.rows(db(retained), "SELECT day FROM evaluated_days ORDER BY day");
        List<String> archivedDays =
                DuckDbFile.rows(db(retained), "SELECT DISTINCT day FROM archived_days WHERE table_name = 'alerts'");
        assertThat(heldDays).containsExactly("2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07");
        assertThat(archivedDays).containsExactly("2026-03-02");
        assertThat(DuckDbFile.rows(db(retained), "SELECT DISTINCT day FROM archived_days ORDER BY day"))
                .containsExactly("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05");
        assertThat(DuckDbFile.rows(db(retained), "SELECT DISTINCT day FROM connection_daily ORDER BY day"))
                .isEqualTo(heldDays);
        assertThat(DuckDbFile.rows(db(retained), "SELECT DISTINCT day FROM input_files ORDER BY day"))
                .isEqualTo(heldDays);
        assertThat(retained.resolve("archive/connection_daily/day=" + archivedDays.get(0) + "/data.parquet"))
                .isRegularFile();
        assertSameOutputs(kept, retained);
        assertSameRows(kept, retained);
        // the events of the archived day count in the range report, read from the archive
        assertThat(Files.readAllLines(out(retained).resolve("reports/acme/range-2026-03-02_2026-03-07.csv")))
                .filteredOn(line -> line.contains(",acme-nyc,"))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(",0,1"));
        assertThat(DuckDbFile.rows(db(retained), "SELECT count(*) FROM prefix_events WHERE day = DATE '2026-03-02'"))
                .containsExactly("0");

        // when: an archived day is processed again, and the range report written again
        String oldDay = archivedDays.get(0);
        GoldenJobTest.run(
                CASE, out(retained), db(retained), "--date", oldDay, "--settings", retainedSettings.toString());
        GoldenJobTest.report(CASE, out(retained), db(retained), "2026-03-02", "2026-03-07");

        // then: archived again at the end of the run; nothing changed
        assertThat(DuckDbFile.rows(db(retained), "SELECT day FROM evaluated_days ORDER BY day"))
                .isEqualTo(heldDays);
        assertSameOutputs(kept, retained);
        assertSameRows(kept, retained);
    }

    @Test
    void aWindowShorterThanTheRegressionBaselineIsRefusedBeforeAnythingIsWritten() throws Exception {
        // given: the built-in rules compare a day with the 7 days before it
        Files.writeString(work.resolve("alerts.properties"), "");
        Path settings = Files.writeString(
                work.resolve("telemetry.properties"), "retention.measurement-days = 2\nretention.aggregate-days = 7\n");

        // when
        PeertelCall call = PeertelCall.of(GoldenJobTest.runArguments(
                CASE.toAbsolutePath(),
                work.resolve("out"),
                work.resolve("t.duckdb"),
                "--date",
                "2026-03-02",
                "--settings",
                settings.toString()));

        // then
        assertEquals(2, call.code(), call::toString);
        assertThat(call.err())
                .contains(settings + ":2: retention.aggregate-days = 7 is too short")
                .contains("REGRESSION compares a day with the 7 days before it")
                .contains("at least 8 days");
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(work.resolve("t.duckdb")).doesNotExist();
    }

    static void runWeek(Path folder, Path settings) {
        GoldenJobTest.run(
                CASE,
                out(folder),
                db(folder),
                "--from",
                "2026-03-02",
                "--to",
                "2026-03-07",
                "--settings",
                settings.toString());
        GoldenJobTest.report(CASE, out(folder), db(folder), "2026-03-02", "2026-03-07");
    }

    /** Every file of the output folders alike (the run summaries and the range report included). */
    private static void assertSameOutputs(Path kept, Path retained) throws Exception {
        var expected = OutputTree.read(out(kept));
        var actual = OutputTree.read(out(retained));
        assertEquals(expected.keySet(), actual.keySet());
        for (String file : expected.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
    }

    /** Each archived table's rows, DuckDB's and the archive's together, equal those the other run keeps in DuckDB. */
    private static void assertSameRows(Path kept, Path retained) throws Exception {
        for (ArchivedTable table : ArchivedTable.values()) {
            String columns = "day, " + String.join(", ", table.columns());
            String keptRows = "SELECT " + columns + " FROM " + table.folder() + " ORDER BY ALL";
            String held = "SELECT " + columns + " FROM " + table.folder();
            String archived = "SELECT " + columns + " FROM read_parquet('" + retained.resolve("archive") + "/"
                    + table.folder() + "/*/*.parquet', hive_partitioning = true, hive_types = {'day': DATE})";
            boolean anyArchived = Files.isDirectory(retained.resolve("archive").resolve(table.folder()));
            String retainedRows = (anyArchived ? held + " UNION ALL " + archived : held) + " ORDER BY ALL";
            assertEquals(
                    DuckDbFile.rows(db(kept), keptRows), DuckDbFile.rows(db(retained), retainedRows), table.folder());
        }
    }

    static Path settings(Path folder, int measurementDays, int aggregateDays) throws Exception {
        Path alerts = Files.writeString(
                folder.resolve("alerts.properties"),
                "regression.baseline_days = 2\nregression.min_baseline_days = 1\n"
                        + "high_median.enabled = false\nhigh_p95.enabled = false\n");
        return Files.writeString(
                folder.resolve("telemetry.properties"),
                "alerts = " + alerts + "\n"
                        + "bgp = " + bgpWeek(folder) + "\n"
                        + "bgp.visibility-min-peers = 2\n"
                        + "schedule.horizon-days = 2\n"
                        + "retention.measurement-days = " + measurementDays + "\n"
                        + "retention.aggregate-days = " + aggregateDays + "\n"
                        + "archive.dir = " + folder.resolve("archive") + "\n");
    }

    /**
     * A BGP folder with the week's first day only (the day retention archives): 198.51.100.0/24 (acme-nyc's and
     * acme-sfo's) announced by two peers, then withdrawn by one, a Warning with 2 peers for visibility; the other days
     * are missing.
     */
    static Path bgpWeek(Path folder) throws Exception {
        Path bgp = folder.resolve("bgp");
        long start = java.time.Instant.parse("2026-03-02T06:00:00Z").getEpochSecond();
        new org.peertel.bgp.MrtUpdateFile()
                .announce(start, 65001, "198.51.100.0/24", 65001, 64500)
                .announce(start + 60, 65002, "198.51.100.0/24", 65002, 64500)
                .withdraw(start + 3600, 65002, "198.51.100.0/24")
                .write(Files.createDirectories(bgp.resolve("2026-03-02")).resolve("updates.0600"));
        return bgp;
    }

    static Path out(Path folder) {
        return folder.resolve("out");
    }

    static Path db(Path folder) {
        return folder.resolve("t.duckdb");
    }
}
