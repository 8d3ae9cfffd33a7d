package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published day's rows lie in measurement_rows grouped by connection number: each row group (122,880 rows)
 * spans the numbers of about one bucket ({@link MeasurementSpoolChunks}), so DuckDB's minimum and maximum of
 * connection_no per row group let a query on a few connections skip the others. Rows arriving in random order
 * gave every row group every connection.
 */
class MeasurementLayoutTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final int CONNECTIONS = 1000;
    private static final int ROWS_PER_CONNECTION = 500;
    private static final long ROW_GROUP_ROWS = 122_880;
    private static final Pattern MIN_MAX = Pattern.compile("max=(-?\\d+), min=(-?\\d+)");

    @TempDir
    Path folder;

    @Test
    void eachRowGroupHoldsNeighbouringConnectionsOnly() throws Exception {
        // given: 500,000 rows of 1,000 connections in random order, in two input files (500 a connection on average)
        Path db = folder.resolve("layout.duckdb");
        DaySpool spool = DaySpool.of(db, DAY);
        spool.clear();
        Random random = new Random(11);
        long dayStartMicros = DAY.toEpochDay() * 86_400L * 1_000_000L;
        for (int fileNo = 0; fileNo < 2; fileNo++) {
            try (SpoolFileWriter out = spool.fileWriter(fileNo, CONNECTIONS)) {
                for (int line = 2; line < 250_002; line++) {
                    out.measurement(
                            fileNo,
                            line,
                            dayStartMicros + random.nextInt(86_400) * 1_000_000L,
                            "192.0.2.1",
                            "DE",
                            "",
                            "fra1",
                            1 + random.nextInt(200_000_000),
                            random.nextInt(CONNECTIONS),
                            0,
                            null);
                }
            }
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("a.csv", "b.csv"));
        dictionary.put(
                "connection",
                IntStream.range(0, CONNECTIONS).mapToObj(i -> "c" + i).toList());
        dictionary.put("prefix", List.of("192.0.2.0/24"));
        spool.complete(dictionary, List.of(), List.of(), List.of());

        // when
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertThat(store.publishDay(DAY, spool)).isTrue();
        }

        // then: the span of connection numbers of each row group, from DuckDB's own statistics
        Map<Long, long[]> spans = new TreeMap<>();
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("SELECT row_group_id, stats FROM pragma_storage_info('measurement_rows') "
                                + "WHERE column_name = 'connection_no' AND segment_type = 'INTEGER'")) {
            while (rs.next()) {
                Matcher m = MIN_MAX.matcher(rs.getString(2));
                assertThat(m.find()).as(rs.getString(2)).isTrue();
                long max = Long.parseLong(m.group(1));
                long min = Long.parseLong(m.group(2));
                spans.merge(rs.getLong(1), new long[] {min, max}, (a, b) ->
                        new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        assertThat(spans).hasSizeGreaterThanOrEqualTo(4);
        // sorted rows would give a row group 122,880 / 500 = 246 connections (the day has 500 rows a connection);
        // within a bucket rows are in arrival order, so one bucket more at either end
        int bucketWidth = (CONNECTIONS + MeasurementSpoolChunks.MAX_BUCKETS - 1) / MeasurementSpoolChunks.MAX_BUCKETS;
        long sorted = (ROW_GROUP_ROWS + ROWS_PER_CONNECTION - 1) / ROWS_PER_CONNECTION;
        List<Long> widths = new ArrayList<>();
        spans.values().forEach(span -> widths.add(span[1] - span[0] + 1));
        assertThat(widths)
                .as("connection numbers per row group (a random order gives %d)", CONNECTIONS)
                .allSatisfy(width -> assertThat(width).isLessThanOrEqualTo(sorted + 2L * bucketWidth));
        assertThat(spans.values().stream().mapToLong(span -> span[0]).min().orElseThrow())
                .isZero();
        assertThat(spans.values().stream().mapToLong(span -> span[1]).max().orElseThrow())
                .isEqualTo(CONNECTIONS - 1);
    }
}
