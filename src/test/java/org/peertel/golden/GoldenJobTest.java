package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.SampleBgpOff;

/**
 * Runs the real job, through the real command line, on every case under src/test/resources/golden/ and compares
 * every output file with the expected files, which were computed by an independent reference implementation
 * (src/test/python/reference_pipeline.py), not by this code. A case's optional {@code arguments.txt} holds extra
 * command-line arguments, one per line (e.g. {@code --skip-bad-files}).
 */
class GoldenJobTest {

    static final Path CASES = Path.of("src/test/resources/golden");

    @TempDir
    Path work;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(CASES)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyOutputFileEqualsTheExpectedOne(String name) throws Exception {
        // given
        Path caseFolder = CASES.resolve(name);
        Path out = work.resolve("out");
        Path db = work.resolve("golden.duckdb");
        List<String> days = days(caseFolder);

        // when: the job, then the range report of every customer over its days
        run(caseFolder, out, db, "--from", days.get(0), "--to", days.get(days.size() - 1));
        report(caseFolder, out, db, days.get(0), days.get(days.size() - 1));

        // then
        Map<String, String> expected = OutputTree.read(caseFolder.resolve("expected"));
        Map<String, String> actual = new java.util.TreeMap<>(OutputTree.read(out));
        // the pages: one beside each range and month file (their content: ReportPageTest, the browser test)
        for (String file : expected.keySet()) {
            if (file.endsWith(".csv")
                    && (file.contains("/range-") || file.contains("/month-"))
                    && !file.endsWith("-prefixes.csv")) {
                String page = file.replaceFirst("\\.csv$", ".html");
                assertTrue(actual.containsKey(page), page);
                actual.remove(page);
            }
        }
        assertEquals(expected.keySet(), actual.keySet(), "the same output files");
        for (String file : expected.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
        for (String day : days) {
            assertRunSummaryAddsUp(actual, day);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aSecondRunOfTheSameDaysChangesNothing(String name) throws Exception {
        // given
        Path caseFolder = CASES.resolve(name);
        Path out = work.resolve("out");
        Path db = work.resolve("golden.duckdb");
        List<String> days = days(caseFolder);
        run(caseFolder, out, db, "--from", days.get(0), "--to", days.get(days.size() - 1));
        report(caseFolder, out, db, days.get(0), days.get(days.size() - 1));
        Map<String, String> first = OutputTree.read(out);
        Map<String, Long> firstCounts = tableCounts(db);

        // when: the whole range again, then one day from the middle alone
        run(caseFolder, out, db, "--from", days.get(0), "--to", days.get(days.size() - 1));
        run(caseFolder, out, db, "--date", days.get(days.size() / 2));
        report(caseFolder, out, db, days.get(0), days.get(days.size() - 1));

        // then
        assertEquals(first, OutputTree.read(out));
        assertEquals(firstCounts, tableCounts(db));
        assertTrue(firstCounts.get("measurements") > 0, "the store holds measurements: " + firstCounts);
    }

    static List<String> days(Path caseFolder) throws IOException {
        try (Stream<Path> list = Files.list(caseFolder.resolve("input/latency"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void run(Path caseFolder, Path out, Path db, String... dayOptions) {
        List<String> args = runArguments(caseFolder, out, db, dayOptions);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = SampleBgpOff.execute(new PrintWriter(stdout), new PrintWriter(stderr), args.toArray(String[]::new));
        assertEquals(0, code, "exit code; stderr: " + stderr);
    }

    /** {@code run} of the case's registry and input into {@code out} and {@code db}, with {@code options} and its own. */
    static List<String> runArguments(Path caseFolder, Path out, Path db, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--connections",
                caseFolder.resolve("input/connections.csv").toString(),
                "--input",
                caseFolder.resolve("input/latency").toString(),
                "--out",
                out.toString(),
                "--db",
                db.toString()));
        args.addAll(List.of(options));
        args.addAll(extraArguments(caseFolder));
        return SampleBgpOff.unlessAsked(args);
    }

    /** {@code peertel report --all-customers} over the days {@code from} to {@code to}. */
    static void report(Path caseFolder, Path out, Path db, String from, String to) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = SampleBgpOff.execute(
                new PrintWriter(stdout),
                new PrintWriter(stderr),
                "report",
                "--all-customers",
                "--from",
                from,
                "--to",
                to,
                "--connections",
                caseFolder.resolve("input/connections.csv").toString(),
                "--out",
                out.toString(),
                "--db",
                db.toString());
        assertEquals(0, code, "exit code; stderr: " + stderr);
    }

    /** The lines of the case's arguments.txt, if it has one. */
    static List<String> extraArguments(Path caseFolder) {
        Path file = caseFolder.resolve("arguments.txt");
        try {
            return Files.exists(file)
                    ? Files.readAllLines(file).stream()
                            .filter(line -> !line.isBlank())
                            .toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Long> tableCounts(Path db) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                var statement = connection.createStatement()) {
            for (String table : List.of(
                    "measurements",
                    "unattributed",
                    "rejects",
                    "input_files",
                    "skipped_files",
                    "connection_daily",
                    "connection_hourly",
                    "prefix_daily",
                    "alerts")) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        counts.put("spool files left", OutputTree.countFiles(Path.of(db.toAbsolutePath() + ".spool")));
        return counts;
    }

    /** rows_read = attributed + no_prefix + location_mismatch + rejected, and every reject is in the file. */
    static void assertRunSummaryAddsUp(Map<String, String> files, String day) {
        String json = files.get("runs/" + day + ".json");
        long rowsRead = number(json, "rows_read");
        long rejected = 0;
        Matcher reasons = Pattern.compile("\"rejected\": \\{([^}]*)}").matcher(json);
        assertTrue(reasons.find(), json);
        Matcher counts = Pattern.compile(": (\\d+)").matcher(reasons.group(1));
        while (counts.find()) {
            rejected += Long.parseLong(counts.group(1));
        }
        assertEquals(
                rowsRead,
                number(json, "attributed") + number(json, "no_prefix") + number(json, "location_mismatch") + rejected,
                json);
        assertEquals(rejected, csvRecords(files.get("rejects/" + day + ".csv")), "every rejected row is in the file");
        long fileRows = 0;
        Matcher rows = Pattern.compile("\"rows\": (\\d+)").matcher(json);
        while (rows.find()) {
            fileRows += Long.parseLong(rows.group(1));
        }
        assertEquals(rowsRead, fileRows, "the files' rows add up to rows_read");
    }

    static long csvRecords(String csv) {
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))) {
            return parser.getRecords().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
