package org.peertel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@code .sql} resource under {@code /sql/}, run whole by DuckDB: its parser splits the text into statements
 * (comments and string literals read as DuckDB reads them, a {@code ';'} or {@code '--'} inside a literal
 * included) and runs them in order on the connection, inside its transaction when one is open. Statement
 * parameters ({@code ?}) cannot reach a script of several statements: a script reads its inputs from session
 * variables ({@code SET VARIABLE day = ...}, then {@code getvariable('day')}).
 */
final class SqlScript {

    private final String name;
    private final String text;

    private SqlScript(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The resource {@code /sql/<path>}. */
    static SqlScript load(String path) {
        try (InputStream in = SqlScript.class.getResourceAsStream("/sql/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource /sql/" + path);
            }
            return new SqlScript(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the SQL resource /sql/" + path, e);
        }
    }

    /** A script given as text (tests). */
    static SqlScript of(String name, String text) {
        return new SqlScript(name, text);
    }

    String name() {
        return name;
    }

    /** The text, for a script of one query whose rows the caller reads. */
    String text() {
        return text;
    }

    /** Runs every statement of the script; the first that fails stops it (the caller's rollback undoes the rest). */
    void run(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(text);
        }
    }
}
