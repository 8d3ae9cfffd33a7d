package org.peertel;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server of the tests that keep the job repository there: PEERTEL_TEST_POSTGRES_URL, _USER and
 * _PASSWORD, which {@code .ci/run} exports after installing and starting Debian's PostgreSQL. Without a reachable
 * server such a test is skipped with a message saying how to run it, except in CI (CI=true), where it fails. Each test
 * works in a fresh schema of its own ({@link #freshSchema}), dropped afterwards.
 */
public final class TestPostgres {

    public static final String URL_ENV = "PEERTEL_TEST_POSTGRES_URL";
    public static final String USER_ENV = "PEERTEL_TEST_POSTGRES_USER";
    public static final String PASSWORD_ENV = "PEERTEL_TEST_POSTGRES_PASSWORD";

    private TestPostgres() {}

    /** A server (or a schema in it, by its URL) as the job repository sees it. */
    public record Server(String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** A fresh schema on the test server: {@link #repository()} names it; closing drops it with everything in it. */
    public record Schema(Server server, String name) implements AutoCloseable {

        /** The URL of the schema, for {@code job-repository.url}. */
        public Server repository() {
            return new Server(
                    server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + name,
                    server.user(),
                    server.password());
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = server.connect()) {
                connection.createStatement().execute("DROP SCHEMA " + name + " CASCADE");
            }
        }
    }

    /** Creates a fresh schema on the test server; skips (or, in CI, fails) {@code test} when there is no server. */
    public static Schema freshSchema(String test) throws SQLException {
        Server server = server(test);
        String name = "peertel_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection connection = server.connect()) {
            connection.createStatement().execute("CREATE SCHEMA " + name);
        }
        return new Schema(server, name);
    }

    /** The test server; skips (or, in CI, fails) {@code test} when there is none. */
    public static Server server(String test) {
        String url = System.getenv(URL_ENV);
        String how = "set " + URL_ENV + " (e.g. jdbc:postgresql://localhost:5432/peertel_test), " + USER_ENV
                + " and " + PASSWORD_ENV + " to a database that user may create schemas in, or run 'bash .ci/run', "
                + "which installs and starts PostgreSQL and runs the tests";
        if (url == null || url.isBlank()) {
            unavailable("no PostgreSQL server for " + test + ": " + how);
        }
        Server server = new Server(url, System.getenv(USER_ENV), System.getenv(PASSWORD_ENV));
        try (Connection ignored = server.connect()) {
            return server;
        } catch (SQLException e) {
            unavailable("PostgreSQL at " + url + " is not reachable (" + e.getMessage() + "): " + how);
            return null;
        }
    }

    /** Outside CI a missing server skips the test; in CI it is a broken CI, so it fails. */
    private static void unavailable(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true, so .ci/run should have started PostgreSQL, but " + message);
        }
        Assumptions.abort(message);
    }
}
