package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A script runs whole through DuckDB's own parser. The splitter it replaced cut at every {@code --} and at a
 * {@code ;} ending a line, inside string literals too.
 */
class SqlScriptTest {

    private static List<String> texts(Connection connection) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT text FROM t ORDER BY no")) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    @Test
    void semicolonsAndCommentMarksInsideStringLiteralsStayInTheirLiterals() throws Exception {
        // given
        SqlScript script = SqlScript.of("literals.sql", """
                -- a comment; with a semicolon and a quote '
                CREATE TABLE t (no INTEGER, text VARCHAR);
                INSERT INTO t VALUES (1, ';'), (2, '--'), (3, 'a;
                -- b;'), (4, 'it''s; -- not a comment'); /* a block comment; */
                INSERT INTO t VALUES (5, '/* not a comment */') -- the last statement needs no ;
                """);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            // when
            script.run(connection);

            // then
            assertThat(texts(connection))
                    .containsExactly(";", "--", "a;\n-- b;", "it's; -- not a comment", "/* not a comment */");
        }
    }

    @Test
    void aFailingStatementStopsTheScriptAndTheTransactionTakesNothingOfIt() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            // given
            SqlScript.of("table.sql", "CREATE TABLE t (no INTEGER, text VARCHAR)")
                    .run(connection);
            connection.setAutoCommit(false);

            // when
            assertThatThrownBy(() -> SqlScript.of("fails.sql", """
                    INSERT INTO t VALUES (1, 'before');
                    INSERT INTO missing VALUES (2);
                    INSERT INTO t VALUES (3, 'after');
                    """).run(connection))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("missing");
            connection.rollback();
            connection.setAutoCommit(true);

            // then
            assertThat(texts(connection)).isEmpty();
        }
    }
}
