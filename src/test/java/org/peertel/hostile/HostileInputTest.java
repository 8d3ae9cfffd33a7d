package org.peertel.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the hostile corpus ({@code src/test/resources/hostile/}, see its README) through the real
 * command line, real DuckDB and real files, and checks the outcome its {@code expected.properties} gives: the exit
 * code; for a day that fails, the message naming the bad file and that the day's earlier outputs and DuckDB rows
 * are untouched (a good version of the day runs first); for a day that completes, every count of
 * {@code runs/<day>.json}, the files and skipped files, the rejects file, and the coverage of every report row.
 * Cases with {@code heap} run in a child JVM with that maximum heap: the job alone runs in 16 MiB, so a reader that
 * held a 10 MB line (at least 20 MB: the String and the buffer it grew in) or inflated a bomb could not pass.
 */
class HostileInputTest {

    private static final String DAY = HostileCase.DAY;

    @TempDir
    Path work;

    static List<HostileCase> cases() throws IOException {
        return HostileCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRowIsAccountedForAndABadFileFailsTheDayOrIsSkipped(HostileCase hostile) throws Exception {
        // given
        Path dayFolder = work.resolve("latency").resolve(DAY);
        Path out = work.resolve("out");
        Path db = work.resolve("t.duckdb");
        DaySnapshot before = null;
        if (hostile.number("exit") == 1) {
            HostileCase.writeGoodDay(dayFolder);
            PeertelRun good = PeertelRun.inProcess(arguments(hostile));
            assertEquals(0, good.code(), good::toString);
            before = DaySnapshot.of(out, db, DAY);
            assertTrue(before.measurements() > 0, "the good day published measurements");
        }
        hostile.writeDay(dayFolder);

        // when
        String heap = hostile.input("heap");
        PeertelRun run = heap.isEmpty()
                ? PeertelRun.inProcess(arguments(hostile))
                : PeertelRun.childJvm(heap, arguments(hostile), work);

        // then
        assertEquals(hostile.number("exit"), run.code(), run::toString);
        if (run.code() != 0) {
            assertTrue(run.err().contains(hostile.get("message")), run::toString);
            assertTrue(run.err().contains("--skip-bad-files"), "says how to go on: " + run.err());
            assertEquals(before, DaySnapshot.of(out, db, DAY), "the day's outputs and DuckDB rows are untouched");
            return;
        }
        DocumentContext summary = JsonPath.parse(Files.readString(out.resolve("runs/" + DAY + ".json")));
        Map<String, Long> rejected = longs(summary.read("$.rejected"));
        assertEquals(counts(hostile.pairs("rejected")), rejected, "rejected by reason");
        long rowsRead = number(summary, "rows_read");
        assertEquals(hostile.number("rows_read"), rowsRead, "rows_read");
        assertEquals(hostile.number("attributed"), number(summary, "attributed"), "attributed");
        assertEquals(hostile.number("no_prefix"), number(summary, "no_prefix"), "no_prefix");
        assertEquals(hostile.number("location_mismatch"), number(summary, "location_mismatch"), "location_mismatch");
        assertEquals(
                rowsRead,
                number(summary, "attributed")
                        + number(summary, "no_prefix")
                        + number(summary, "location_mismatch")
                        + rejected.values().stream().mapToLong(Long::longValue).sum(),
                "every row is accounted for");
        assertFiles(hostile, summary, dayFolder, rowsRead);
        Map<String, String> skipped = hostile.pairs("skipped");
        assertEquals(
                skipped,
                pairs(summary.read("$.skipped_files[*].name"), summary.read("$.skipped_files[*].reason")),
                "skipped files");
        assertEquals(!skipped.isEmpty(), summary.read("$.partial", Boolean.class), "partial");
        assertEquals(!skipped.isEmpty(), run.out().contains("PARTIAL: " + skipped.size() + " bad file"), run.out());
        assertRejects(hostile, out.resolve("rejects/" + DAY + ".csv"), rejected);
        assertCoverage(out.resolve("reports"), skipped.isEmpty() ? "complete" : "partial");
    }

    private List<String> arguments(HostileCase hostile) throws IOException {
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(
                settings,
                "alerts = " + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n"
                        + hostile.input("settings") + "\n");
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--settings",
                settings.toString(),
                "--connections",
                HostileCase.CORPUS.resolve("common/connections.csv").toString(),
                "--input",
                work.resolve("latency").toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString(),
                "--date",
                DAY));
        if (hostile.skipBadFiles()) {
            args.add("--skip-bad-files");
        }
        return args;
    }

    /** The day's manifest lists every file, skipped ones too, with its rows and SHA-256. */
    private static void assertFiles(HostileCase hostile, DocumentContext summary, Path dayFolder, long rowsRead)
            throws Exception {
        List<String> names = summary.read("$.files[*].name");
        List<Object> rows = summary.read("$.files[*].rows");
        List<String> sha256 = summary.read("$.files[*].sha256");
        assertEquals(hostile.pairs("files"), pairs(names, rows), "files and their rows");
        assertEquals(
                rowsRead, rows.stream().mapToLong(r -> ((Number) r).longValue()).sum(), "rows of the files");
        try (Stream<Path> files = Files.list(dayFolder)) {
            assertEquals(files.count(), names.size(), "every file of the folder is in the manifest");
        }
        for (int i = 0; i < names.size(); i++) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            assertEquals(
                    HexFormat.of().formatHex(digest.digest(Files.readAllBytes(dayFolder.resolve(names.get(i))))),
                    sha256.get(i),
                    names.get(i));
        }
    }

    /** One row per reject; the exact rows (long raw fields abbreviated) when the case gives them. */
    private static void assertRejects(HostileCase hostile, Path rejectsFile, Map<String, Long> rejected)
            throws IOException {
        List<CSVRecord> records;
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(rejectsFile, StandardCharsets.UTF_8)))) {
            records = parser.getRecords();
        }
        assertEquals(rejected.values().stream().mapToLong(Long::longValue).sum(), records.size(), "rejects file rows");
        Path expected = hostile.expectedRejects();
        if (expected != null) {
            StringBuilder actual = new StringBuilder("file,line,reason,raw\n");
            for (CSVRecord r : records) {
                actual.append(org.peertel.output.CsvLine.of(r.get(0), r.get(1), r.get(2), abbreviate(r.get(3))));
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual.toString());
        }
    }

    /**
     * Every row of every customer's files of the day ends with the day's coverage (the month files' coverage, of
     * their whole span, is held to the reference by the golden cases).
     */
    private static void assertCoverage(Path reports, String coverage) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}.*\\.csv"))
                    .toList();
        }
        assertFalse(files.isEmpty(), "reports were written");
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).endsWith(",coverage"), file.toString());
            lines.stream().skip(1).forEach(line -> assertTrue(line.endsWith("," + coverage), file + ": " + line));
        }
    }

    static String abbreviate(String raw) {
        return raw.length() <= 300
                ? raw
                : raw.substring(0, 40) + "\u2026[" + raw.length() + " chars]\u2026" + raw.substring(raw.length() - 60);
    }

    private static long number(DocumentContext summary, String key) {
        return summary.read("$." + key, Long.class);
    }

    private static Map<String, Long> longs(Map<String, Object> map) {
        Map<String, Long> result = new TreeMap<>();
        map.forEach((k, v) -> result.put(k, ((Number) v).longValue()));
        return result;
    }

    private static Map<String, Long> counts(Map<String, String> pairs) {
        Map<String, Long> result = new TreeMap<>();
        pairs.forEach((k, v) -> result.put(k, Long.parseLong(v)));
        return result;
    }

    private static Map<String, String> pairs(List<String> keys, List<?> values) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            result.put(keys.get(i), String.valueOf(values.get(i)));
        }
        return result;
    }
}
