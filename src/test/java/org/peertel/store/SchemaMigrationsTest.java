package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbered migrations and schema_version, on real DuckDB files: a fresh database, one of the release before
 * schema_version, one from before 2026-12, one of a newer release, a migration that fails. (Databases made by the
 * real earlier releases are upgraded in the golden package's UpgradeTest.)
 */
class SchemaMigrationsTest {

    static final Path FOLDER = Path.of("src/main/resources/sql/migrations");

    /** The table of texts as releases before 2026-12 created it. */
    static final String TEXT_MEASUREMENTS = "CREATE TABLE measurements (day DATE NOT NULL, file VARCHAR NOT NULL, "
            + "line BIGINT NOT NULL, ts TIMESTAMP NOT NULL, client_ip VARCHAR NOT NULL, country VARCHAR NOT NULL, "
            + "state VARCHAR NOT NULL, edge_pop VARCHAR NOT NULL, rtt_ms DECIMAL(15,6) NOT NULL, "
            + "connection_id VARCHAR NOT NULL, prefix VARCHAR NOT NULL)";

    static final String TEXT_ROW = "INSERT INTO measurements VALUES ('2026-03-02', 'fra1.csv', 2, "
            + "TIMESTAMP '2026-03-02 00:00:01', '192.0.2.1', 'DE', '', 'fra1', 1.5, 'c1', '192.0.2.0/24')";

    @TempDir
    Path folder;

    private static void open(Path db) {
        try (TelemetryStore ignored = TelemetryStore.open(db)) {
            // opening migrates
        }
    }

    /** "version|name" of every migration of this release. */
    private static List<String> everyMigration() {
        return IntStream.range(0, SchemaMigrations.FILES.size())
                .mapToObj(i -> (i + 1) + "|" + SchemaMigrations.FILES.get(i))
                .toList();
    }

    private static String tableType(Path db, String table) throws Exception {
        List<String> types = DuckDbFile.rows(
                db,
                "SELECT table_type FROM information_schema.tables " + "WHERE table_schema = 'main' AND table_name = '"
                        + table + "'");
        return types.isEmpty() ? "none" : types.get(0);
    }

    @Test
    void everyFileOfTheFolderIsListedInOrderAndNumberedWithoutGaps() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(FOLDER)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }

        assertThat(SchemaMigrations.FILES).containsExactlyElementsOf(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(files.get(i)).matches(String.format("%03d-[a-z0-9]+(-[a-z0-9]+)*\\.sql", i + 1));
        }
        assertThat(SchemaMigrations.latest()).isEqualTo(files.size());
    }

    @Test
    void aFreshDatabaseRunsEveryMigration() throws Exception {
        Path db = folder.resolve("fresh.duckdb");

        open(db);

        assertThat(DuckDbFile.rows(db, "SELECT version, name FROM schema_version ORDER BY version"))
                .containsExactlyElementsOf(everyMigration());
        assertThat(tableType(db, "measurements")).isEqualTo("VIEW");
        assertThat(tableType(db, "measurement_rows")).isEqualTo("BASE TABLE");
        assertThat(DuckDbFile.rows(
                        db,
                        "SELECT table_name FROM information_schema.tables "
                                + "WHERE table_name LIKE 'migrated%' OR table_name LIKE 'staging%'"))
                .isEmpty();
    }

    @Test
    void openingAgainAppliesNothing() throws Exception {
        Path db = folder.resolve("t.duckdb");
        open(db);
        List<String> applied = DuckDbFile.rows(db, "SELECT * FROM schema_version ORDER BY version");

        open(db);

        assertThat(DuckDbFile.rows(db, "SELECT * FROM schema_version ORDER BY version"))
                .isEqualTo(applied);
    }

    /** The alerts table as migration 001 makes it, before 006 adds the exact figures. */
    private static final String ALERTS_BEFORE_006 =
            "CREATE TABLE alerts (day DATE NOT NULL, alert_id VARCHAR NOT NULL, "
                    + "customer_id VARCHAR NOT NULL, connection_id VARCHAR NOT NULL, connection_name VARCHAR NOT NULL, "
                    + "rule VARCHAR NOT NULL, severity VARCHAR NOT NULL, observed_ms DOUBLE, threshold_ms DOUBLE, "
                    + "baseline_ms DOUBLE, samples BIGINT NOT NULL, message VARCHAR NOT NULL)";

    @Test
    void aDatabaseOfTheReleaseBeforeSchemaVersionIsRecognisedByMeasurementRowsAndNotMigratedAgain() throws Exception {
        // given: a database holding measurement_rows and no schema_version (here only that and the alerts table that
        // 006 alters, to see that the migrations it is recorded as having are not run)
        Path db = folder.resolve("before-versioning.duckdb");
        DuckDbFile.execute(
                db,
                "CREATE TABLE measurement_rows (day DATE NOT NULL)",
                "INSERT INTO measurement_rows VALUES " + "('2026-03-02')",
                ALERTS_BEFORE_006);

        // when
        open(db);

        // then
        assertThat(DuckDbFile.rows(db, "SELECT version, name FROM schema_version ORDER BY version"))
                .as("001 to 003 recorded, the later ones run")
                .containsExactlyElementsOf(everyMigration());
        assertThat(SchemaMigrations.BEFORE_VERSIONING).isEqualTo(3);
        assertThat(tableType(db, "day_connections")).as("004 was run").isEqualTo("BASE TABLE");
        assertThat(tableType(db, "evaluated_days")).as("001 was not run").isEqualTo("none");
        assertThat(tableType(db, "measurements")).as("003 was not run").isEqualTo("none");
        assertThat(DuckDbFile.rows(db, "SELECT * FROM measurement_rows")).containsExactly("2026-03-02");
    }

    @Test
    void aDatabaseFromBefore2026_12GetsTheTablesItLackedAndItsMeasurementsAsNumbers() throws Exception {
        // given: the table of texts with a row, a staging table of a release before the spool, no other table
        Path db = folder.resolve("old.duckdb");
        DuckDbFile.execute(db, TEXT_MEASUREMENTS, TEXT_ROW, "CREATE TABLE staging_days (day DATE)");

        // when
        open(db);

        // then
        assertThat(DuckDbFile.rows(db, "SELECT version, name FROM schema_version ORDER BY version"))
                .containsExactlyElementsOf(everyMigration());
        assertThat(tableType(db, "staging_days")).isEqualTo("none");
        assertThat(tableType(db, "alerts")).isEqualTo("BASE TABLE");
        assertThat(tableType(db, "measurements")).isEqualTo("VIEW");
        assertThat(DuckDbFile.rows(
                        db,
                        "SELECT file, client_ip, country, state, edge_pop, rtt_ms, connection_id, prefix "
                                + "FROM measurements"))
                .containsExactly("fra1.csv|192.0.2.1|DE||fra1|1.500000|c1|192.0.2.0/24");
    }

    @Test
    void aDatabaseOfANewerReleaseIsRefusedAndLeftAsItIs() throws Exception {
        // given
        Path db = folder.resolve("newer.duckdb");
        open(db);
        int newer = SchemaMigrations.latest() + 1;
        DuckDbFile.execute(
                db,
                "INSERT INTO schema_version VALUES (" + newer + ", 'of-a-newer-release.sql', TIMESTAMP '2027-01-01')");

        // when, then
        assertThatThrownBy(() -> open(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema version " + newer + ", newer than this peertel knows ("
                        + SchemaMigrations.latest() + ")")
                .hasMessageContaining("no downgrade");
        assertThat(DuckDbFile.rows(db, "SELECT max(version) FROM schema_version"))
                .as("the file was released")
                .containsExactly(Integer.toString(newer));
    }

    @Test
    void aMigrationThatFailsIsRolledBackAndThoseBeforeItStay() throws Exception {
        // given: a database from before 2026-12 that somehow holds a table 003 creates
        Path db = folder.resolve("conflict.duckdb");
        DuckDbFile.execute(db, TEXT_MEASUREMENTS, TEXT_ROW, "CREATE TABLE day_names (day DATE)");

        // when
        assertThatThrownBy(() -> open(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("migration 003-measurements-as-numbers.sql")
                .hasMessageContaining("day_names");

        // then
        assertThat(DuckDbFile.rows(db, "SELECT version FROM schema_version ORDER BY version"))
                .containsExactly("1", "2");
        assertThat(tableType(db, "measurements")).isEqualTo("BASE TABLE");
        assertThat(tableType(db, "measurement_rows")).isEqualTo("none");
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM measurements")).containsExactly("1");

        // and when the obstacle is gone, the next open finishes the work
        DuckDbFile.execute(db, "DROP TABLE day_names");
        open(db);
        assertThat(DuckDbFile.rows(db, "SELECT version, name FROM schema_version ORDER BY version"))
                .containsExactlyElementsOf(everyMigration());
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM measurements")).containsExactly("1");
    }
}
