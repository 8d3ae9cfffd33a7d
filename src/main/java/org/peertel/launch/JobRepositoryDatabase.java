package org.peertel.launch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobRepositorySettings;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.ScriptException;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Opens the job repository once before the Spring context starts: a repository that cannot be reached or refuses
 * the credentials stops the run with a {@link ConfigurationException} (exit 2) naming the setting to fix, before
 * any output is touched; and Spring Batch's tables are created on first use.
 *
 * <p>Schema: if {@code BATCH_JOB_INSTANCE} is missing from the connection's current schema, Spring Batch's own
 * {@code org/springframework/batch/core/schema-<platform>.sql} runs in one transaction (on PostgreSQL, DDL is
 * transactional: all tables or none). If it is there, nothing runs. Boot's initializer is switched off
 * ({@code spring.batch.jdbc.initialize-schema=never}) because its {@code always} mode re-runs the plain
 * {@code CREATE TABLE} script on every start and only gets past the existing tables by ignoring every error
 * ({@code continue-on-error}, on by default), which also hides a real failure such as a missing CREATE privilege
 * until the job fails later on a missing table, and logs an error per table in the server log at each start.
 */
public final class JobRepositoryDatabase {

    static final String PROBE_TABLE = "BATCH_JOB_INSTANCE";

    static {
        RepositoryServer.bindToLoopback(); // before H2 reads its settings, at the first connection
    }

    private JobRepositoryDatabase() {}

    /**
     * The JDBC URL for these settings: the configured one, or the H2 file beside {@code db}. A configured H2 URL
     * gets the same two options as the default one where it does not set them itself (see {@link #defaultUrl}).
     */
    public static String url(JobRepositorySettings settings, Path db) {
        return settings.isDefault()
                ? defaultUrl(db)
                : withSafeH2Options(settings.url().text());
    }

    /**
     * The file an embedded H2 job repository URL keeps its data in ({@code <path>.mv.db}); null for a URL that
     * names no local file (a database server, an in-memory database), which cannot be checked without connecting.
     */
    public static Path localFile(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            rest = rest.substring(0, semicolon);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("^(mem|tcp|ssl|zip|nio\\w*|split|async|retry)[:].*")) {
            return null;
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Path.of(rest + ".mv.db");
    }

    static String withSafeH2Options(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        String safe = url;
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            safe += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!upper.contains(";WRITE_DELAY=")) {
            safe += ";WRITE_DELAY=0";
        }
        return safe;
    }

    /** {@code out/peertel.duckdb} keeps its job history in {@code out/peertel-jobs.mv.db}. */
    static String defaultUrl(Path db) {
        String name = db.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Path repository = db.toAbsolutePath().resolveSibling(base + "-jobs");
        // DB_CLOSE_ON_EXIT=FALSE: H2 must not close the repository in its own shutdown hook while our SIGTERM
        // hook lets the running job record that it stopped (the context closes the pool, and so H2, afterwards)
        // WRITE_DELAY=0: H2 writes every commit to the file at once, so a kill -9 does not lose the last step
        // updates of the job repository (by default it keeps them in memory for up to a second)
        return "jdbc:h2:file:" + repository + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /**
     * Connects, and creates Spring Batch's tables if they are not there yet. Returns true if it created them.
     * Throws a ConfigurationException naming the setting to fix when the repository cannot be used.
     */
    public static boolean prepare(JobRepositorySettings settings, Path db) {
        String url = url(settings, db);
        try (Connection connection = connect(settings, url)) {
            if (hasTable(connection, PROBE_TABLE)) {
                return false;
            }
            String platform = DatabaseDriver.fromJdbcUrl(url).getId();
            Resource script = new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql");
            if (!script.exists()) {
                throw new ConfigurationException("the job repository " + settings.describe() + " has no Spring Batch "
                        + "tables and peertel has no schema script for '" + platform + "'; use PostgreSQL or the "
                        + "default H2 file (" + settings.url().source() + ")");
            }
            createSchema(settings, connection, script);
            return true;
        } catch (SQLException e) {
            throw problem(settings, e);
        }
    }

    static Connection connect(JobRepositorySettings settings, String url) throws SQLException {
        Properties properties = new Properties();
        if (settings.user().isSet()) {
            properties.setProperty("user", settings.user().text());
        }
        if (settings.password().isSet()) {
            properties.setProperty("password", settings.password().text());
        }
        return DriverManager.getConnection(url, properties);
    }

    private static void createSchema(JobRepositorySettings settings, Connection connection, Resource script)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            ScriptUtils.executeSqlScript(connection, script);
            connection.commit();
        } catch (ScriptException e) {
            connection.rollback();
            connection.setAutoCommit(true);
            if (hasTable(connection, PROBE_TABLE)) {
                return; // another process created them at the same moment
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigurationException("cannot create the Spring Batch tables in the job repository "
                    + settings.describe() + " (" + settings.mask(firstLine(cause.getMessage())) + "); give "
                    + (settings.user().isSet() ? "user '" + settings.user().text() + "'" : "the user")
                    + " the right to create tables in the schema it uses (check that the schema exists), or create "
                    + "them once with Spring Batch's "
                    + script.getFilename() + " (" + settings.url().source() + ")");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Whether {@code table} exists in the connection's current schema, in the case the database stores names. */
    static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesLowerCaseIdentifiers()
                ? table.toLowerCase(Locale.ROOT)
                : meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
            return tables.next();
        }
    }

    /** A ConfigurationException for a failed connection, naming the setting that most likely needs fixing. */
    static ConfigurationException problem(JobRepositorySettings settings, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = settings.mask(firstLine(e.getMessage()));
        String where = "the job repository " + settings.describe();
        if (reason != null && reason.startsWith("No suitable driver")) {
            return new ConfigurationException(where + ": no JDBC driver for this URL; peertel includes PostgreSQL "
                    + "(jdbc:postgresql://host:5432/database) and H2; fix "
                    + settings.url().source());
        }
        if (state.startsWith("28")) {
            return new ConfigurationException(where + " refused the login (" + reason + "); fix "
                    + settings.user().source() + " or " + settings.password().source());
        }
        if (state.equals("3D000")) {
            return new ConfigurationException(where + ": the database does not exist (" + reason
                    + "); create it or fix " + settings.url().source());
        }
        if (state.startsWith("08")) {
            if (e.getCause() != null) {
                reason += ": " + settings.mask(firstLine(e.getCause().toString()));
            }
            return new ConfigurationException("cannot reach " + where + " (" + reason + "); check that the server "
                    + "is running and reachable, or fix " + settings.url().source());
        }
        return new ConfigurationException("cannot open " + where + " (" + reason + "); fix "
                + settings.url().source());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
