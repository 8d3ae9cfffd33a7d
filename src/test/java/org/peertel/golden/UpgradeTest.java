package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.store.DaySpool;
import org.peertel.store.DuckDbFile;
import org.peertel.store.TelemetryStore;

/**
 * A database made by an earlier release, upgraded by this one. Each case under src/test/resources/upgrade/ with an
 * {@code export/} folder is the database the real release made of the golden case week's first days, saved with
 * DuckDB's EXPORT DATABASE (its README says how). It is imported into a fresh file and the same days run again
 * through the real command line: the output files must be the golden expected files of those days, every table
 * must hold what a clean run's database holds, with the same columns, and schema_version must list every migration.
 * A spool the release before schema_version left in the middle of a day's publish is published as it is.
 */
class UpgradeTest {

    static final Path CASES = Path.of("src/test/resources/upgrade");
    static final Path WEEK = GoldenJobTest.CASES.resolve("week");
    static final Path MIGRATIONS = Path.of("src/main/resources/sql/migrations");

    /** Clean runs of the week, by the days they ran: made once, shared by the cases. */
    private static final Map<List<String>, Path> CLEAN_RUNS = new HashMap<>();

    @TempDir
    static Path cleanRuns;

    @TempDir
    Path work;

    static Stream<String> databases() throws IOException {
        try (Stream<Path> list = Files.list(CASES)) {
            return list
                    .filter(p -> Files.isDirectory(p.resolve("export")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameDaysRunAgainEndAsACleanRunOfThem(String name) throws Exception {
        // given
        Path fixture = CASES.resolve(name);
        List<String> days = Files.readAllLines(fixture.resolve("days.txt")).stream()
                .filter(line -> !line.isBlank())
                .toList();
        Path db = work.resolve("upgraded.duckdb");
        DuckDbFile.execute(db, "IMPORT DATABASE '" + fixture.resolve("export").toAbsolutePath() + "'");
        Path out = work.resolve("out");

        // when
        GoldenJobTest.run(WEEK, out, db, "--from", days.get(0), "--to", days.get(days.size() - 1));

        // then
        Map<String, String> expected = expectedFiles(days);
        Map<String, String> actual = OutputTree.daysOnly(OutputTree.read(out));
        assertEquals(expected.keySet(), actual.keySet(), "the same output files");
        for (String file : expected.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
        Path clean = cleanRun(days);
        assertEquals(columns(clean), columns(db), "the schema of a fresh database");
        Map<String, List<String>> cleanTables = tables(clean);
        Map<String, List<String>> upgradedTables = tables(db);
        assertEquals(cleanTables.keySet(), upgradedTables.keySet());
        for (String table : cleanTables.keySet()) {
            assertEquals(cleanTables.get(table), upgradedTables.get(table), table);
        }
        assertEquals(
                migrationFiles(),
                DuckDbFile.rows(db, "SELECT version || ' ' || name FROM schema_version ORDER BY version"));
    }

    @Test
    void aSpoolTheReleaseBeforeLeftInThePublishIsPublishedAsACleanRunPublishesTheDay() throws Exception {
        // given: a fresh database and the spool release 3fa2256 left when it was killed inside the publish
        LocalDate day = LocalDate.of(2026, 3, 2);
        Path db = work.resolve("restarted.duckdb");
        DaySpool spool = DaySpool.of(db, day);
        copyFolder(CASES.resolve("spool-3fa2256").resolve(day.toString()), spool.folder());

        // when
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertTrue(store.publishDay(day, spool), "published");
        }
        spool.delete();

        // then: every table the publish writes holds the day as a clean run holds it
        Path clean = cleanRun(List.of("2026-03-02", "2026-03-03"));
        for (String table : List.of(
                "measurements",
                "measurement_rows",
                "unattributed",
                "rejects",
                "input_files",
                "skipped_files",
                "connection_daily",
                "connection_hourly",
                "prefix_daily",
                "day_names")) {
            String sql = "SELECT * FROM " + table + " WHERE day = DATE '" + day + "' ORDER BY ALL";
            List<String> cleanRows = DuckDbFile.rows(clean, sql);
            assertEquals(cleanRows, DuckDbFile.rows(db, sql), table);
            assertFalse(table.equals("measurements") && cleanRows.isEmpty(), "the day has measurements");
        }
        assertEquals(
                DuckDbFile.rows(clean, "SELECT * FROM registry_names"),
                DuckDbFile.rows(db, "SELECT * FROM registry_names"));
    }

    /** The golden expected files of the days (every file of a day is named after it). */
    private static Map<String, String> expectedFiles(List<String> days) throws IOException {
        return OutputTree.ofDays(OutputTree.read(WEEK.resolve("expected")), days);
    }

    /** The database of a clean run of the week's {@code days}. */
    private static synchronized Path cleanRun(List<String> days) {
        return CLEAN_RUNS.computeIfAbsent(days, d -> {
            Path folder = cleanRuns.resolve("clean-" + d.get(0) + "-" + d.get(d.size() - 1));
            Path db = folder.resolve("clean.duckdb");
            GoldenJobTest.run(WEEK, folder.resolve("out"), db, "--from", d.get(0), "--to", d.get(d.size() - 1));
            return db;
        });
    }

    /** "version name" of every migration file, in order. */
    private static List<String> migrationFiles() throws IOException {
        try (Stream<Path> list = Files.list(MIGRATIONS)) {
            List<String> names =
                    list.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> versions = new ArrayList<>();
            for (String file : names) {
                versions.add(Integer.parseInt(file.substring(0, 3)) + " " + file);
            }
            return versions;
        }
    }

    /**
     * Every table and view of the database but schema_version (its times differ), with its rows in order; the outbox
     * without the time each change was recorded.
     */
    private static Map<String, List<String>> tables(Path db) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : DuckDbFile.rows(
                db,
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = "
                        + "current_database() AND table_schema = 'main' AND table_name <> 'schema_version' ORDER BY 1")) {
            String columns = table.equals("alert_outbox") ? "* EXCLUDE (recorded_at)" : "*";
            tables.put(table, DuckDbFile.rows(db, "SELECT " + columns + " FROM " + table + " ORDER BY ALL"));
        }
        return tables;
    }

    /** Every column of every table and view: name, position, type, nullability. */
    private static List<String> columns(Path db) throws Exception {
        return DuckDbFile.rows(
                db,
                "SELECT table_name, table_type, column_name, ordinal_position, data_type, is_nullable "
                        + "FROM information_schema.columns JOIN information_schema.tables USING (table_catalog, "
                        + "table_schema, table_name) WHERE table_catalog = current_database() AND table_schema = 'main' "
                        + "ORDER BY ALL");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
