package org.peertel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Brings the schema of a DuckDB file up to date when it is opened: the numbered migrations in
 * {@code /sql/migrations/NNN-what.sql}, applied in order, each in a transaction of its own together with its row in
 * {@code schema_version(version, name, applied_at)}. A schema change is a new file at the end of {@link #FILES};
 * a released migration never changes (a database that applied it will not run it again).
 *
 * <p>A database without schema_version was made by a release from before it, recognised by its tables:
 * {@code measurement_rows} present is the release just before (migrations 001 to 003 are recorded as applied,
 * without running them); {@code measurements} as a table of texts is a release from before 2026-12 (all run: 001
 * creates only the tables that are missing). A fresh database runs them all. A database whose version is newer than
 * the last migration here was written by a newer peertel and is refused: there is no downgrade.
 */
final class SchemaMigrations {

    /**
     * The migrations in the order they run: file i is version i + 1, and its name starts with that number in three
     * digits. A list here rather than a scan of the folder on the class path: a named resource loads the same way
     * from the classes folder, a plain jar and Spring Boot's nested jar, while listing a folder does not, and a
     * stray or misnamed file cannot slip into (or out of) a release unnoticed. SchemaMigrationsTest checks that every
     * file of the folder is listed here and that the numbers have no gap.
     */
    static final List<String> FILES = List.of(
            "001-tables-before-2026-12.sql",
            "002-drop-staging-tables.sql",
            "003-measurements-as-numbers.sql",
            "004-day-connections.sql",
            "005-stale-months.sql",
            "006-alert-judgements.sql",
            "007-alert-outbox.sql",
            "008-archived-days.sql",
            "009-prefix-events.sql",
            "010-bgp-days.sql");

    static final String FOLDER = "migrations/";

    /** The last migration of the schema the release before schema_version created (measurement_rows, its view). */
    static final int BEFORE_VERSIONING = 3;

    private static final String VERSION_TABLE = """
            CREATE TABLE schema_version (
                version    INTEGER PRIMARY KEY,
                name       VARCHAR   NOT NULL, -- the migration's file name
                applied_at TIMESTAMP NOT NULL  -- UTC; when the table was added, for migrations found already made
            )""";

    private SchemaMigrations() {}

    /** The version the migrations of this release bring a database to. */
    static int latest() {
        return FILES.size();
    }

    /**
     * Applies what the database {@code file} lacks of the migrations. Throws StoreException for a database of a newer
     * release, SQLException for a migration that failed (its transaction rolled back; those before it stay).
     */
    static void apply(Connection connection, Path file) throws SQLException {
        if (!tableExists(connection, "schema_version")) {
            adopt(connection);
        }
        int version = currentVersion(connection);
        if (version > latest()) {
            throw new StoreException(
                    "the DuckDB database " + file + " has schema version " + version
                            + ", newer than this peertel knows (" + latest() + "): it was written by a newer release. "
                            + "Run that release or a newer one; there is no downgrade",
                    null);
        }
        for (int next = version + 1; next <= latest(); next++) {
            String name = FILES.get(next - 1);
            SqlScript script = SqlScript.load(FOLDER + name);
            int applied = next;
            inTransaction(connection, () -> {
                try {
                    script.run(connection);
                } catch (SQLException e) {
                    throw new SQLException("migration " + name + ": " + e.getMessage(), e.getSQLState(), e);
                }
                record(connection, applied, name);
            });
        }
    }

    /**
     * Creates schema_version in a database from before it. A database holding measurement_rows has the schema of the
     * migrations up to {@link #BEFORE_VERSIONING}: they are recorded as applied in the same transaction.
     */
    private static void adopt(Connection connection) throws SQLException {
        boolean beforeVersioning = tableExists(connection, MeasurementColumn.TABLE);
        inTransaction(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(VERSION_TABLE);
            }
            if (beforeVersioning) {
                for (int version = 1; version <= BEFORE_VERSIONING; version++) {
                    record(connection, version, FILES.get(version - 1));
                }
            }
        });
    }

    private static void record(Connection connection, int version, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, name);
            insert.setObject(3, LocalDateTime.now(Clock.systemUTC()));
            insert.execute();
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** True when the database (not the temporary schema) holds a base table of that name. */
    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = ? "
                + "AND table_type = 'BASE TABLE'")) {
            query.setString(1, table);
            try (var rs = query.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection connection, Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
