package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;
import org.peertel.TestFolders;

/**
 * No value from the input or the command line is ever part of an SQL statement (parameters, session variables
 * and Arrow batches only), so quotes and "; DROP TABLE" in folder and file names change nothing: the golden case
 * hostile-names, whose latency file names already hold quotes and SQL, run from folders named like SQL gives its
 * expected files. A database path with ';', which JDBC URLs read as the start of driver options, is refused before
 * anything.
 */
class HostilePathsTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("hostile-names");
    static final String HOSTILE = "it's \"x\"; DROP TABLE measurements; --";

    @TempDir
    Path work;

    @Test
    void folderNamesWithQuotesAndSqlChangeNothing() throws Exception {
        // given: input, registry, output, database and job repository all in folders named like SQL
        Path root = work.resolve(HOSTILE);
        Path input = root.resolve("in '" + HOSTILE);
        TestFolders.copyTree(CASE.resolve("input"), input);
        Path out = root.resolve("out'); DELETE FROM rejects; --");
        Path db = work.resolve("db \"'), (--").resolve("x'y.duckdb"); // no ';', see the next test

        // when: the day twice (the second run replaces it in DuckDB)
        for (int run = 0; run < 2; run++) {
            StringWriter err = new StringWriter();
            int code = SampleBgpOff.execute(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err),
                    "run",
                    "--connections",
                    input.resolve("connections.csv").toString(),
                    "--input",
                    input.resolve("latency").toString(),
                    "--out",
                    out.toString(),
                    "--db",
                    db.toString(),
                    "--date",
                    "2026-03-02");
            assertEquals(0, code, err.toString());
        }

        // then
        assertEquals(
                OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), GoldenJobTest.days(CASE)),
                OutputTree.daysOnly(OutputTree.read(out)));
        Map<String, Long> tables = GoldenJobTest.tableCounts(db);
        assertEquals(10L, tables.get("measurements"), tables.toString());
        assertEquals(4L, tables.get("rejects"), tables.toString());
        assertEquals(2L, tables.get("input_files"), tables.toString());
        assertEquals(2L, tables.get("unattributed"), tables.toString());
    }

    @Test
    void aDatabasePathWithASemicolonIsRefusedBeforeAnything() throws IOException {
        Path db = work.resolve("t.duckdb;session_init_sql_file=evil.sql");
        StringWriter err = new StringWriter();

        int code = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "run",
                "--connections",
                CASE.resolve("input/connections.csv").toString(),
                "--input",
                CASE.resolve("input/latency").toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                db.toString(),
                "--date",
                "2026-03-02");

        assertEquals(2, code);
        assertTrue(
                err.toString().contains("peertel: --db " + db + ": the database path must not contain ';'"),
                err.toString());
        assertFalse(Files.exists(work.resolve("out")));
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.toList(), "no database, no job repository");
        }
    }
}
