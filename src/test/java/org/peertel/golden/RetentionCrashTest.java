package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peertel.ChildJvm;
import org.peertel.store.ArchivedTable;
import org.peertel.store.DuckDbFile;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * peertel killed with SIGKILL at each point of retentionStep (an archive file before its rename, the files in place
 * before the delete, inside the delete transaction), then the same command again: every table's rows and the
 * archive equal those of an uninterrupted run, nothing lost and nothing doubled. A two-day window, so that 03-02
 * leaves DuckDB in the retention step of 03-04.
 */
class RetentionCrashTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final List<String> TABLES = List.of(
            "SELECT * FROM measurements ORDER BY ALL",
            "SELECT * FROM unattributed ORDER BY ALL",
            "SELECT * FROM rejects ORDER BY ALL",
            "SELECT day, table_name, rows FROM archived_days ORDER BY ALL",
            "SELECT * FROM connection_daily ORDER BY ALL");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CrashPoint.class,
            names = {"RETENTION_BEFORE_RENAME", "RETENTION_ARCHIVED", "RETENTION_DELETE_BEFORE_COMMIT"})
    void aRunKilledInTheRetentionStepEndsLikeAnUninterruptedOneWhenRunAgain(CrashPoint point) throws Exception {
        // given: an uninterrupted run
        Path clean = Files.createDirectories(work.resolve("clean"));
        GoldenJobTest.run(CASE, clean.resolve("out"), clean.resolve("t.duckdb"), arguments(clean));

        // when: the same run killed at the point, then run again to its end
        Path crashed = Files.createDirectories(work.resolve("crashed"));
        killAt(point, crashed, arguments(crashed));
        assertThat(DuckDbFile.rows(
                        crashed.resolve("t.duckdb"),
                        "SELECT count(*) FROM measurement_rows " + "WHERE day = DATE '2026-03-02'"))
                .as("killed before the delete committed: the rows are still in DuckDB")
                .doesNotContain("0");
        GoldenJobTest.run(CASE, crashed.resolve("out"), crashed.resolve("t.duckdb"), arguments(crashed));

        // then
        for (String table : TABLES) {
            assertEquals(
                    DuckDbFile.rows(clean.resolve("t.duckdb"), table),
                    DuckDbFile.rows(crashed.resolve("t.duckdb"), table),
                    table);
        }
        for (String folder : List.of("measurements", "unattributed", "rejects")) {
            String sql = "SELECT * FROM read_parquet('%s/" + folder + "/*/*.parquet', hive_partitioning = true) "
                    + "ORDER BY ALL";
            assertEquals(
                    DuckDbFile.rows(work.resolve("reader.duckdb"), sql.formatted(clean.resolve("archive"))),
                    DuckDbFile.rows(work.resolve("reader.duckdb"), sql.formatted(crashed.resolve("archive"))),
                    folder);
        }
        try (var files = Files.walk(crashed.resolve("archive"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(f -> f.getFileName().toString()))
                    .as("no temporary file left, one file a table")
                    .containsExactly("data.parquet", "data.parquet", "data.parquet");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CrashPoint.class,
            names = {"RETENTION_BEFORE_RENAME", "RETENTION_ARCHIVED", "RETENTION_DELETE_BEFORE_COMMIT"})
    void aRunKilledWhileArchivingAggregatesEndsLikeAnUninterruptedOneWhenRunAgain(CrashPoint point) throws Exception {
        // given: three days whose rows are archived already (a one-day window), then 03-04 again with a two-day
        // aggregate window, so that its retention step archives the rest of 03-02 only; once uninterrupted
        Path clean = Files.createDirectories(work.resolve("clean"));
        GoldenJobTest.run(CASE, clean.resolve("out"), clean.resolve("t.duckdb"), aggregateArguments(clean, 0));
        GoldenJobTest.run(CASE, clean.resolve("out"), clean.resolve("t.duckdb"), aggregateArguments(clean, 2));

        // when: the same, killed at the point in the second run, then run again to its end
        Path crashed = Files.createDirectories(work.resolve("crashed"));
        GoldenJobTest.run(CASE, crashed.resolve("out"), crashed.resolve("t.duckdb"), aggregateArguments(crashed, 0));
        killAt(point, crashed, aggregateArguments(crashed, 2));
        assertThat(DuckDbFile.rows(
                        crashed.resolve("t.duckdb"),
                        "SELECT count(*) FROM connection_daily WHERE day = DATE '2026-03-02'"))
                .as("killed before the delete committed: the aggregates are still in DuckDB")
                .doesNotContain("0");
        GoldenJobTest.run(CASE, crashed.resolve("out"), crashed.resolve("t.duckdb"), aggregateArguments(crashed, 2));

        // then: every archived table's rows in DuckDB and in the archive, and the evaluated days, are the clean run's
        List<String> queries = new java.util.ArrayList<>(List.of(
                "SELECT day, table_name, rows FROM archived_days ORDER BY ALL",
                "SELECT * FROM evaluated_days ORDER BY ALL"));
        for (ArchivedTable table : ArchivedTable.values()) {
            queries.add(
                    "SELECT day, " + String.join(", ", table.columns()) + " FROM " + table.folder() + " ORDER BY ALL");
        }
        for (String query : queries) {
            assertEquals(
                    DuckDbFile.rows(clean.resolve("t.duckdb"), query),
                    DuckDbFile.rows(crashed.resolve("t.duckdb"), query),
                    query);
        }
        assertThat(DuckDbFile.rows(clean.resolve("t.duckdb"), "SELECT DISTINCT day FROM evaluated_days ORDER BY day"))
                .containsExactly("2026-03-03", "2026-03-04");
        for (ArchivedTable table : ArchivedTable.values()) {
            String sql = "SELECT * FROM read_parquet('%s/" + table.folder()
                    + "/*/*.parquet', hive_partitioning = true) ORDER BY ALL";
            assertEquals(
                    DuckDbFile.rows(work.resolve("reader.duckdb"), sql.formatted(clean.resolve("archive"))),
                    DuckDbFile.rows(work.resolve("reader.duckdb"), sql.formatted(crashed.resolve("archive"))),
                    table.folder());
        }
        try (var files = Files.walk(crashed.resolve("archive"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")))
                    .as("no temporary file left")
                    .isEmpty();
        }
    }

    /** Runs peertel in a child JVM on {@code folder} until it reaches {@code point}, then kills it (SIGKILL). */
    private static void killAt(CrashPoint point, Path folder, String[] arguments) throws Exception {
        Process child = ChildJvm.peertelProcess(
                        List.of(TestHooks.crashAtOption(point)),
                        GoldenJobTest.runArguments(
                                CASE.toAbsolutePath(), folder.resolve("out"), folder.resolve("t.duckdb"), arguments))
                .redirectError(folder.resolve("child.err").toFile())
                .start();
        try {
            String marker = CompletableFuture.supplyAsync(() -> ChildJvm.crashMarker(child))
                    .get(120, TimeUnit.SECONDS);
            assertEquals(
                    TestHooks.CRASH_MARKER + point.commandLineName(),
                    marker,
                    Files.readString(folder.resolve("child.err")));
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
        }
    }

    /**
     * With a one-day window for the rows and {@code aggregateDays} for the rest: 03-02 .. 03-04 when 0, else 03-04.
     * No alert rule is on, so that no incident keeps a day; a one-day baseline and horizon allow a two-day window.
     */
    private static String[] aggregateArguments(Path folder, int aggregateDays) throws Exception {
        Path settings = Files.writeString(
                folder.resolve("telemetry.properties"),
                "alerts = "
                        + Files.writeString(
                                folder.resolve("alerts.properties"),
                                "regression.baseline_days = 1\nregression.min_baseline_days = 1\n"
                                        + "regression.enabled = false\nno_data.enabled = false\n"
                                        + "high_median.enabled = false\nhigh_p95.enabled = false\n")
                        + "\n"
                        + "schedule.horizon-days = 1\n"
                        + "retention.measurement-days = 1\n"
                        + "retention.aggregate-days = " + aggregateDays + "\n"
                        + "archive.dir = " + folder.resolve("archive") + "\n");
        return aggregateDays == 0
                ? new String[] {"--from", "2026-03-02", "--to", "2026-03-04", "--settings", settings.toString()}
                : new String[] {"--date", "2026-03-04", "--settings", settings.toString()};
    }

    /** Three days with a two-day window and the archive in {@code folder}. */
    private static String[] arguments(Path folder) throws Exception {
        Path settings = Files.writeString(
                folder.resolve("telemetry.properties"),
                "alerts = " + Files.writeString(folder.resolve("alerts.properties"), "") + "\n"
                        + "retention.measurement-days = 2\n"
                        + "archive.dir = " + folder.resolve("archive") + "\n");
        return new String[] {"--from", "2026-03-02", "--to", "2026-03-04", "--settings", settings.toString()};
    }
}
