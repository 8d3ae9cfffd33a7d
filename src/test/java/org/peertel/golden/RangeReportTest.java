package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;

/**
 * {@code peertel report} over days processed with two registries: on 2026-03-05 the connection initech-lon moved
 * from customer initech to customer acme (and was renamed). Each customer's range report must count only its own
 * days of the connection, and its figures must equal a computation in this test over the stored measurements
 * (plain rows: the statistics are computed here, without SQL).
 */
class RangeReportTest {

    static final Path WEEK = GoldenJobTest.CASES.resolve("week/input");
    static final String MOVED = "initech-lon";
    static final Set<String> INITECH_DAYS = Set.of("2026-03-02", "2026-03-03", "2026-03-04");
    static final Set<String> ACME_DAYS = Set.of("2026-03-05", "2026-03-06", "2026-03-07");

    @TempDir
    Path work;

    Path before;
    Path after;

    @BeforeEach
    void twoRegistriesAcrossTheWeek() throws IOException {
        before = WEEK.resolve("connections.csv");
        after = Files.writeString(
                work.resolve("connections-after.csv"),
                Files.readString(before)
                        .replace(
                                "initech-lon,initech,Initech London,LINX,GB,",
                                "initech-lon,acme,\"ACME London, ex Initech\",LINX,GB,"));
        assertThat(peertel("run", "--from", "2026-03-02", "--to", "2026-03-04", "--connections", before.toString()))
                .isZero();
        assertThat(peertel("run", "--from", "2026-03-05", "--to", "2026-03-07", "--connections", after.toString()))
                .isZero();
    }

    @Test
    void aConnectionThatMovedCountsForEachCustomerOnItsOwnDaysOnly() throws Exception {
        // when
        int code = peertel("report", "--all-customers", "--from", "2026-03-02", "--to", "2026-03-07");

        // then
        assertThat(code).isZero();
        CSVRecord atInitech = row("initech", MOVED);
        CSVRecord atAcme = row("acme", MOVED);
        assertThat(atInitech.get("connection_name")).isEqualTo("Initech London");
        assertThat(atAcme.get("connection_name")).isEqualTo("ACME London, ex Initech");
        assertFigures(atInitech, rtts(INITECH_DAYS));
        assertFigures(atAcme, rtts(ACME_DAYS));
        assertThat(Long.parseLong(atInitech.get("days_with_data")) + Long.parseLong(atInitech.get("days_without_data")))
                .as("initech owned it 3 days")
                .isEqualTo(3);
        assertThat(Long.parseLong(atAcme.get("days_with_data")) + Long.parseLong(atAcme.get("days_without_data")))
                .isEqualTo(3);
        assertThat(prefixSamples("initech", MOVED) + prefixSamples("acme", MOVED))
                .as("the prefixes files split the samples the same way")
                .isEqualTo(rtts(INITECH_DAYS).size() + rtts(ACME_DAYS).size());
        assertThat(prefixSamples("initech", MOVED)).isEqualTo(rtts(INITECH_DAYS).size());
    }

    @Test
    void everyOtherConnectionHasTheFiguresOfTheWholeRange() throws Exception {
        // when
        peertel("report", "--customer", "acme", "--from", "2026-03-02", "--to", "2026-03-07");

        // then: acme's own connections over all six days, and the moved one over its three
        List<CSVRecord> rows = records(reportFile("acme"));
        assertThat(rows.stream().map(r -> r.get("connection_id")))
                .containsExactly("acme-chi", "acme-nyc", "acme-sfo", MOVED);
        Set<String> week = Set.of("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07");
        for (CSVRecord row : rows.subList(0, 3)) {
            assertFigures(row, rtts(row.get("connection_id"), week));
        }
        assertThat(Files.exists(reportFile("initech")))
                .as("--customer writes that customer's files only")
                .isFalse();
    }

    @Test
    void daysNeverProcessedAndUnknownCustomersAreRefusedNamingThem() throws IOException {
        StringWriter err = new StringWriter();
        int missing = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                withPaths("report", "--all-customers", "--from", "2026-02-27", "--to", "2026-03-09"));
        assertThat(missing).isEqualTo(2);
        assertThat(err.toString())
                .contains("5 days of the range never processed: 2026-02-27 .. 2026-03-01, 2026-03-08 .. 2026-03-09");

        StringWriter err2 = new StringWriter();
        int unknown = SampleBgpOff.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err2),
                withPaths("report", "--customer", "hooli", "--from", "2026-03-02", "--to", "2026-03-07"));
        assertThat(unknown).isEqualTo(2);
        assertThat(err2.toString())
                .contains("customer 'hooli' owned no connection on the days 2026-03-02 .. 2026-03-07 "
                        + "(customers of the range: acme, globex, initech)");
        assertThat(work.resolve("out/reports/acme")).isDirectory();
        try (var files = Files.list(work.resolve("out/reports/acme"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("range-"));
        }
    }

    /** The samples, median, p95, p99, min, max and mean of a row equal those of {@code rtts}. */
    private static void assertFigures(CSVRecord row, List<BigDecimal> rtts) {
        assertThat(Long.parseLong(row.get("samples")))
                .as(row.get("connection_id"))
                .isEqualTo(rtts.size());
        double[] sorted =
                rtts.stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
        assertThat(row.get("median_ms")).isEqualTo(millis(quantile(sorted, 0.5)));
        assertThat(row.get("p95_ms")).isEqualTo(millis(quantile(sorted, 0.95)));
        assertThat(row.get("p99_ms")).isEqualTo(millis(quantile(sorted, 0.99)));
        assertThat(row.get("min_ms")).isEqualTo(millis(sorted[0]));
        assertThat(row.get("max_ms")).isEqualTo(millis(sorted[sorted.length - 1]));
        BigDecimal sum = rtts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(row.get("mean_ms"))
                .isEqualTo(sum.divide(BigDecimal.valueOf(rtts.size()), 3, RoundingMode.HALF_UP)
                        .toPlainString());
    }

    /** DuckDB's quantile_cont: linear interpolation between the two closest ranks. */
    private static double quantile(double[] sorted, double q) {
        double rank = (sorted.length - 1) * q;
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        double d = rank - lo;
        return sorted[lo] * (1.0 - d) + sorted[hi] * d;
    }

    private static String millis(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** The moved connection's stored measurements on {@code days}. */
    private List<BigDecimal> rtts(Set<String> days) throws Exception {
        return rtts(MOVED, days);
    }

    /** A connection's stored measurements on {@code days}: plain rows of the measurements view. */
    private List<BigDecimal> rtts(String connectionId, Set<String> days) throws Exception {
        List<BigDecimal> rtts = new ArrayList<>();
        try (var connection = DriverManager.getConnection(
                        "jdbc:duckdb:" + work.resolve("t.duckdb").toAbsolutePath());
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT day::VARCHAR, connection_id, rtt_ms FROM measurements")) {
            while (rs.next()) {
                if (rs.getString(2).equals(connectionId) && days.contains(rs.getString(1))) {
                    rtts.add(rs.getBigDecimal(3));
                }
            }
        }
        assertThat(rtts).as("%s has data on %s", connectionId, days).isNotEmpty();
        return rtts;
    }

    private long prefixSamples(String customer, String connectionId) throws IOException {
        return records(work.resolve("out/reports/" + customer + "/range-2026-03-02_2026-03-07-prefixes.csv")).stream()
                .filter(r -> r.get("connection_id").equals(connectionId))
                .mapToLong(r -> Long.parseLong(r.get("samples")))
                .sum();
    }

    private CSVRecord row(String customer, String connectionId) throws IOException {
        Map<String, CSVRecord> rows = records(reportFile(customer)).stream()
                .collect(Collectors.toMap(r -> r.get("connection_id"), r -> r, (a, b) -> a, TreeMap::new));
        assertThat(rows).containsKey(connectionId);
        return rows.get(connectionId);
    }

    private Path reportFile(String customer) {
        return work.resolve("out/reports/" + customer + "/range-2026-03-02_2026-03-07.csv");
    }

    /** The rows of a CSV file with a header, by column name. */
    static List<CSVRecord> records(Path file) throws IOException {
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(file)))) {
            return parser.getRecords();
        }
    }

    private int peertel(String... args) {
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), withPaths(args));
        assertThat(code).as("peertel %s: %s", String.join(" ", args), err).isIn(0, 2);
        return code;
    }

    private String[] withPaths(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--connections")) {
            all.addAll(List.of("--connections", before.toString()));
        }
        all.addAll(List.of(
                "--input", WEEK.resolve("latency").toString(),
                "--out", work.resolve("out").toString(),
                "--db", work.resolve("t.duckdb").toString()));
        return all.toArray(String[]::new);
    }
}
