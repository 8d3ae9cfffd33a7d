package org.peertel.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peertel.ingest.IngestLimits;
import org.peertel.ingest.LatencyDayRows;
import org.peertel.ingest.RandomLatencyFiles;

/**
 * Property, through the real job: on random day folders (random bytes, mutated files, bad gzip, with good rows)
 * every row read is accounted for exactly once. rows_read = attributed + no_prefix + location_mismatch + rejected
 * in runs/<day>.json, which is also the sum of the files' rows, the DuckDB rows of the day, the rejects file and
 * the rows the reader itself returns for the files that were not skipped.
 */
class RowAccountingPropertyTest {

    private static final String DAY = HostileCase.DAY;

    @TempDir
    Path work;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void everyRowReadIsCountedOnce(long seed) throws Exception {
        // given
        Path dayFolder = work.resolve("latency").resolve(DAY);
        HostileCase.writeGoodDay(dayFolder);
        RandomLatencyFiles.write(dayFolder, seed);
        Files.writeString(
                work.resolve("telemetry.properties"),
                "alerts = " + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath()
                        + "\ningest.max-record-bytes = 64\n");

        // when
        PeertelRun run = PeertelRun.inProcess(List.of(
                "run",
                "--skip-bad-files",
                "--settings",
                work.resolve("telemetry.properties").toString(),
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

        // then
        assertEquals(0, run.code(), run::toString);
        DocumentContext summary = JsonPath.parse(Files.readString(work.resolve("out/runs/" + DAY + ".json")));
        long rowsRead = number(summary, "$.rows_read");
        long rejected = summary.<Map<String, Number>>read("$.rejected").values().stream()
                .mapToLong(Number::longValue)
                .sum();
        assertEquals(
                rowsRead,
                number(summary, "$.attributed")
                        + number(summary, "$.no_prefix")
                        + number(summary, "$.location_mismatch")
                        + rejected,
                "rows_read adds up");
        assertEquals(
                rowsRead,
                summary.<List<Number>>read("$.files[*].rows").stream()
                        .mapToLong(Number::longValue)
                        .sum(),
                "the files' rows");
        assertEquals(
                rowsRead,
                dayRows("measurements") + dayRows("unattributed") + dayRows("rejects"),
                "DuckDB rows of the day");
        assertEquals(number(summary, "$.attributed"), dayRows("measurements"), "attributed");
        assertEquals(rejected, rejectsFileRows(), "the rejects file");
        Set<String> skipped = Set.copyOf(summary.<List<String>>read("$.skipped_files[*].name"));
        assertEquals(rowsRead, rowsOfTheReader(dayFolder, skipped), "the rows the reader returns");
        assertTrue(rowsRead >= 7, "good.csv is always read");
    }

    private static long number(DocumentContext summary, String path) {
        return summary.read(path, Long.class);
    }

    private long dayRows(String table) throws Exception {
        try (var connection = DriverManager.getConnection(
                        "jdbc:duckdb:" + work.resolve("t.duckdb").toAbsolutePath());
                PreparedStatement query = connection.prepareStatement(
                        switch (table) {
                            case "measurements" -> "SELECT count(*) FROM measurements WHERE day = ?";
                            case "unattributed" -> "SELECT count(*) FROM unattributed WHERE day = ?";
                            default -> "SELECT count(*) FROM rejects WHERE day = ?";
                        })) {
            query.setObject(1, LocalDate.parse(DAY));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long rejectsFileRows() throws Exception {
        String csv = Files.readString(work.resolve("out/rejects/" + DAY + ".csv"), StandardCharsets.UTF_8);
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))) {
            return parser.getRecords().size();
        }
    }

    /** The rows the reader returns for the files that were not skipped, with the job's record limit. */
    private static long rowsOfTheReader(Path dayFolder, Set<String> skipped) {
        LatencyDayRows read = LatencyDayRows.read(
                dayFolder, LocalDate.parse(DAY), new IngestLimits(IngestLimits.DEFAULT_MAX_FILE_BYTES, 64), true);
        assertEquals(skipped, read.skipped().stream().map(s -> s.name()).collect(Collectors.toSet()));
        return read.rows().stream().filter(row -> !skipped.contains(row.file())).count();
    }
}
