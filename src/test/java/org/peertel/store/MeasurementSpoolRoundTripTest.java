package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary measurement spool, written by {@link SpoolFileWriter}, published through Arrow and read back through
 * the view measurements: every field of every row as it went in (the values the CSV spool gave for the same rows).
 */
class MeasurementSpoolRoundTripTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final long DAY_START = DAY.toEpochDay() * 86_400_000_000L;
    private static final long DAY_END = DAY_START + 86_400_000_000L - 1;
    /** DECIMAL(15,6)'s largest value, unscaled. */
    private static final long MAX_RTT = 999_999_999_999_999L;
    /** More rows than a batch (65,536) and than a read buffer (1 MiB) holds, so records straddle both. */
    private static final int ROWS_PER_FILE = 75_000;

    private static final String LONGEST_IPV6 = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";

    @TempDir
    Path folder;

    /** One spooled attributed row, and how the view measurements shows it. */
    private record Row(
            int fileNo,
            long line,
            long ts,
            String ip,
            String country,
            String state,
            String edgePop,
            long rtt,
            int connectionNo,
            int prefixNo) {

        String shown() {
            return List.of(
                            String.valueOf(fileNo),
                            String.valueOf(line),
                            Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000), Math.floorMod(ts, 1_000_000) * 1000)
                                    .atOffset(ZoneOffset.UTC)
                                    .toLocalDateTime()
                                    .toString(),
                            ip,
                            country,
                            state,
                            edgePop,
                            java.math.BigDecimal.valueOf(rtt, 6).toPlainString(),
                            "c" + connectionNo,
                            "p" + prefixNo)
                    .toString();
        }
    }

    /** Rows with the extremes first (IPv4 ends, longest IPv6, null state, largest line, time and rtt), then many. */
    private static List<Row> rows(int fileNo) {
        List<Row> rows = new ArrayList<>();
        String pop = fileNo == 0 ? "fra1" : "Zürich, \"Nord\"";
        rows.add(new Row(fileNo, Long.MAX_VALUE, DAY_END, "255.255.255.255", "ZZ", "WY", pop, MAX_RTT, 2, 3));
        rows.add(new Row(fileNo, 1, DAY_START, "0.0.0.0", "AA", "", pop, 0, 0, 0));
        rows.add(new Row(fileNo, 2, DAY_START + 1, LONGEST_IPV6, "US", "AL", "other pop", 1, 1, 1));
        rows.add(new Row(fileNo, 3, DAY_START + 2, "::", "DE", "", pop, 1_000_000, 2, 2));
        for (int i = rows.size(); i < ROWS_PER_FILE; i++) {
            String ip = i % 7 == 0
                    ? "2001:db8::" + Integer.toHexString(i)
                    : "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            rows.add(new Row(
                    fileNo,
                    10L + i,
                    DAY_START + 1_000L * i,
                    ip,
                    "DE",
                    i % 3 == 0 ? "" : "NY",
                    pop,
                    1_234_567L * i,
                    i % 3,
                    i % 4));
        }
        return rows;
    }

    private DaySpool spool(Path db, List<List<Row>> files) {
        DaySpool spool = DaySpool.of(db, DAY);
        spool.clear();
        for (int fileNo = 0; fileNo < files.size(); fileNo++) {
            try (SpoolFileWriter out = spool.fileWriter(fileNo, 3)) {
                for (Row r : files.get(fileNo)) {
                    out.measurement(
                            r.fileNo,
                            r.line,
                            r.ts,
                            r.ip,
                            r.country,
                            r.state,
                            r.edgePop,
                            r.rtt,
                            r.connectionNo,
                            r.prefixNo,
                            null);
                }
            }
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("a.csv", "b.csv"));
        dictionary.put("connection", List.of("c0", "c1", "c2"));
        dictionary.put("prefix", List.of("p0", "p1", "p2", "p3"));
        spool.complete(dictionary, List.of(), List.of(), List.of());
        return spool;
    }

    private static List<String> stored(TelemetryStore store) throws Exception {
        List<String> shown = new ArrayList<>();
        try (Statement query = store.connection().createStatement();
                ResultSet rs = query.executeQuery("SELECT CASE file WHEN 'a.csv' THEN 0 ELSE 1 END, line, ts, "
                        + "client_ip, country, state, edge_pop, rtt_ms, connection_id, prefix "
                        + "FROM measurements ORDER BY file, line")) {
            while (rs.next()) {
                shown.add(List.of(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toLocalDateTime().toString(),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getBigDecimal(8).toPlainString(),
                                rs.getString(9),
                                rs.getString(10))
                        .toString());
            }
        }
        return shown;
    }

    private static long views(TelemetryStore store) throws Exception {
        try (Statement query = store.connection().createStatement();
                ResultSet rs = query.executeQuery(
                        "SELECT count(*) FROM duckdb_views() " + "WHERE view_name LIKE 'spool_measurement%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> shown(List<List<Row>> files) {
        List<String> shown = new ArrayList<>();
        for (List<Row> file : files) {
            file.stream()
                    .sorted(java.util.Comparator.comparingLong(Row::line))
                    .map(Row::shown)
                    .forEach(shown::add);
        }
        return shown;
    }

    @Test
    void everyFieldOfEveryRowComesBackAsItWasSpooled() throws Exception {
        Path db = folder.resolve("t.duckdb");
        List<List<Row>> files = List.of(rows(0), rows(1));
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertThat(store.publishDay(DAY, spool(db, files))).isTrue();
            List<String> stored = stored(store);
            assertThat(stored).hasSize(2 * ROWS_PER_FILE);
            assertThat(stored).containsExactlyElementsOf(shown(files));
            assertThat(views(store)).as("the view on the stream dropped").isZero();
            try (Statement query = store.connection().createStatement();
                    ResultSet rs = query.executeQuery("SELECT count(client_ipv4), count(client_ipv6), "
                            + "count(*) FILTER (client_ipv4 IS NULL) FROM measurement_rows")) {
                rs.next();
                long ipv6 = files.stream()
                        .flatMap(List::stream)
                        .filter(r -> r.ip.contains(":"))
                        .count();
                assertThat(rs.getLong(1)).as("IPv4 values").isEqualTo(2 * ROWS_PER_FILE - ipv6);
                assertThat(rs.getLong(2)).as("IPv6 texts").isEqualTo(ipv6);
                assertThat(rs.getLong(3)).as("no IPv4 value: the IPv6 rows").isEqualTo(ipv6);
            }
        }
    }

    @Test
    void aCutSpoolFileRollsThePublishBackAndFreesItsArrowMemory() throws Exception {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            List<List<Row>> before = List.of(rows(0).subList(0, 10), rows(1).subList(0, 10));
            store.publishDay(DAY, spool(db, before));
            DaySpool spool = spool(db, List.of(rows(0), rows(1)));
            Path second = spool.folder().resolve(SpoolFileWriter.spoolFileName(1, DaySpool.Kind.MEASUREMENTS));
            try (FileChannel file = FileChannel.open(second, StandardOpenOption.WRITE)) {
                file.truncate(Files.size(second) - 3); // the last chunk cut
            }

            assertThatThrownBy(() -> store.publishDay(DAY, spool))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is corrupt: a chunk header at byte")
                    .satisfies(e -> assertThat(e.getCause().getSuppressed())
                            .as("e.g. a leak found on close")
                            .isEmpty());
            assertThat(stored(store)).as("the day as it was").containsExactlyElementsOf(shown(before));
            assertThat(views(store)).as("no view left on the freed stream").isZero();
        }
    }

    /**
     * A spool an older peertel left with CSV measurement files (it stopped before publishing and was then upgraded)
     * is published as it is: the day resumes at publishStep, so nothing would ever write it again.
     */
    @Test
    void aSpoolWithCsvMeasurementsOfAnOlderPeertelIsStillPublished() throws Exception {
        Path db = folder.resolve("t.duckdb");
        List<List<Row>> files = List.of(rows(0).subList(0, 50), rows(1).subList(0, 50));
        try (TelemetryStore store = TelemetryStore.open(db)) {
            DaySpool spool = spool(db, files);
            for (int fileNo = 0; fileNo < files.size(); fileNo++) {
                Path binary = spool.folder().resolve(SpoolFileWriter.spoolFileName(fileNo, DaySpool.Kind.MEASUREMENTS));
                Files.delete(binary);
                StringBuilder csv = new StringBuilder();
                for (Row r : files.get(fileNo)) {
                    csv.append(oldCsvLine(r)).append('\n');
                }
                Files.writeString(spool.folder().resolve(String.format("%06d-measurements.csv", fileNo)), csv);
            }
            assertThat(store.publishDay(DAY, spool)).isTrue();
            assertThat(stored(store)).containsExactlyElementsOf(shown(files));
        }
    }

    /**
     * A row as the CSV spool of peertel 2026-12-06 (before the binary records) wrote it: the IPv4 client as its value,
     * codes as (first letter - 'A') * 26 + (second - 'A'), -1 for no state, rtt as decimal text, \N for null. The
     * edge PoP numbers follow the file's order of first appearance, as the edge-pops file the writer left says.
     */
    private static String oldCsvLine(Row r) {
        boolean ipv6 = r.ip.contains(":");
        String ipv4 = ipv6 ? "\\N" : Long.toString(org.peertel.prefix.IpAddress.parseIpv4(r.ip, 0, r.ip.length()));
        int edgePop = r.edgePop.equals("other pop") ? 1 : 0;
        return String.join(
                ",",
                Integer.toString(r.fileNo),
                Long.toString(r.line),
                Long.toString(r.ts),
                ipv4,
                ipv6 ? r.ip : "\\N",
                Integer.toString(code(r.country)),
                Integer.toString(code(r.state)),
                Integer.toString(edgePop),
                java.math.BigDecimal.valueOf(r.rtt, 6).toPlainString(),
                Integer.toString(r.connectionNo),
                Integer.toString(r.prefixNo));
    }

    private static int code(String letters) {
        return letters.isEmpty() ? -1 : (letters.charAt(0) - 'A') * 26 + (letters.charAt(1) - 'A');
    }
}
