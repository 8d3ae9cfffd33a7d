package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peertel.golden.GeneratedTenants.Conn;
import org.peertel.golden.GeneratedTenants.Expected;
import org.peertel.golden.GeneratedTenants.Net;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;

/**
 * Tenant isolation, over generated registries and days: the real job (real command line, DuckDB, files) runs on
 * them, and from the output files alone every row of {@code reports/<customer>/} must be one of that
 * customer's connections (and of their prefixes), with the sample count an independent brute-force attribution
 * gives, and the counts across all customers must add up to the attributed total of {@code runs/<day>.json}.
 * A row attributed to the wrong connection, a report row of another customer's connection or a lost row fails.
 */
class TenantIsolationTest {

    static final int ROWS = 1500;

    @TempDir
    Path work;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 6, 8})
    void everyReportRowBelongsToItsCustomerAndTheCountsAddUp(long seed) throws IOException {
        // given
        GeneratedTenants tenants = GeneratedTenants.generate(seed, ROWS);
        Path registry = Files.writeString(work.resolve("connections.csv"), tenants.registryCsv());
        RegistryLoadResult loaded = RegistryLoader.load(registry);
        assertThat(loaded.errors()).as("the generated registry is valid").isEmpty();
        writeLatencyFiles(tenants, work.resolve("latency").resolve(GeneratedTenants.DAY.toString()));
        Expected expected = tenants.attribute();
        // the seeds are chosen so that each day has every case where a row could go to the wrong customer
        assertThat(expected.toAnotherCustomer())
                .as("rows drawn from one customer's prefix that a more specific " + "prefix of another customer takes")
                .isPositive();
        assertThat(expected.toAGeoRedundantSite())
                .as("rows on a prefix that several sites share")
                .isPositive();
        assertThat(expected.locationMismatch()).isPositive();
        assertThat(expected.noPrefix()).isPositive();
        assertThat(expected.attributed()).isGreaterThan(ROWS / 3);

        // when
        Path out = work.resolve("out");
        runDay(registry, out, GeneratedTenants.DAY);

        // then
        Map<String, List<Conn>> byCustomer = tenants.connectionsByCustomer();
        try (Stream<Path> folders = Files.list(out.resolve("reports"))) {
            assertThat(folders.map(p -> p.getFileName().toString()))
                    .as("a folder for each customer of the registry, and no other")
                    .containsExactlyInAnyOrderElementsOf(byCustomer.keySet());
        }
        long reportedSamples = 0;
        for (Map.Entry<String, List<Conn>> customer : byCustomer.entrySet()) {
            Path folder = out.resolve("reports").resolve(customer.getKey());
            reportedSamples += checkCustomer(folder, customer.getValue(), expected);
            String page = Files.readString(folder.resolve("month-" + YearMonth.from(GeneratedTenants.DAY) + ".html"));
            for (Conn other : tenants.connections) {
                if (!other.customer().equals(customer.getKey())) {
                    assertThat(page)
                            .as("%s's page names no connection of %s", customer.getKey(), other.customer())
                            .doesNotContain("data-connection=\"" + other.id() + "\"")
                            .doesNotContain(">" + other.id() + ",");
                }
            }
        }
        String runSummary = Files.readString(out.resolve("runs/" + GeneratedTenants.DAY + ".json"));
        assertThat(GoldenJobTest.number(runSummary, "attributed"))
                .isEqualTo(expected.attributed())
                .isEqualTo(reportedSamples);
        assertThat(GoldenJobTest.number(runSummary, "no_prefix")).isEqualTo(expected.noPrefix());
        assertThat(GoldenJobTest.number(runSummary, "location_mismatch")).isEqualTo(expected.locationMismatch());
        assertThat(GoldenJobTest.number(runSummary, "rows_read")).isEqualTo(expected.rows());
        checkAlerts(out.resolve("alerts/" + GeneratedTenants.DAY + ".csv"), tenants);
    }

    /**
     * The registry changes between two days of a month: a connection moves to another customer (renamed), another
     * is removed. Each day's files follow that day's registry, and each customer's month files hold exactly the
     * connections it owned on some day, counted over its own days only, with the name of its last day.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 6, 8})
    void aRegistryThatChangesBetweenDaysKeepsEachCustomerToItsOwnDays(long seed) throws IOException {
        // given
        GeneratedTenants first = GeneratedTenants.generate(seed, ROWS);
        GeneratedTenants second = first.nextDay(ROWS);
        assertThat(second.movedSince(first)).as("a connection changed customer").hasSize(1);
        assertThat(second.connections).as("a connection was removed").hasSize(first.connections.size() - 1);
        List<GeneratedTenants> days = List.of(first, second);
        List<Expected> expected = new ArrayList<>();
        Path out = work.resolve("out");

        // when: each day run with its own registry
        for (GeneratedTenants tenants : days) {
            Path registry =
                    Files.writeString(work.resolve("connections-" + tenants.day + ".csv"), tenants.registryCsv());
            assertThat(RegistryLoader.load(registry).errors())
                    .as("the registry of %s", tenants.day)
                    .isEmpty();
            writeLatencyFiles(tenants, work.resolve("latency").resolve(tenants.day.toString()));
            expected.add(tenants.attribute());
            runDay(registry, out, tenants.day);
        }

        // then: each day's files follow that day's registry
        Set<String> customers = new TreeSet<>();
        for (int d = 0; d < days.size(); d++) {
            for (Map.Entry<String, List<Conn>> customer :
                    days.get(d).connectionsByCustomer().entrySet()) {
                customers.add(customer.getKey());
                checkDay(
                        out.resolve("reports").resolve(customer.getKey()),
                        days.get(d).day,
                        customer.getValue(),
                        expected.get(d));
            }
        }
        // and each customer's month files what it owned on which day
        String month = "month-" + YearMonth.from(GeneratedTenants.DAY);
        for (String customer : customers) {
            Map<String, Long> samples = new TreeMap<>();
            Map<String, String> lastName = new HashMap<>();
            Map<String, Map<Net, Long>> prefixes = new HashMap<>();
            for (int d = 0; d < days.size(); d++) {
                Expected day = expected.get(d);
                for (Conn c : days.get(d).connections) {
                    if (c.customer().equals(customer)) {
                        samples.merge(c.id(), day.perConnection().getOrDefault(c.id(), 0L), Long::sum);
                        lastName.put(c.id(), c.name());
                        day.perConnectionPrefix()
                                .getOrDefault(c.id(), Map.of())
                                .forEach((net, n) -> prefixes.computeIfAbsent(c.id(), k -> new HashMap<>())
                                        .merge(net, n, Long::sum));
                    }
                }
            }
            Path folder = out.resolve("reports").resolve(customer);
            List<CSVRecord> report = records(folder.resolve(month + ".csv"));
            assertThat(report.stream().map(r -> r.get("connection_id")))
                    .as("%s's month: the connections it owned on some day, each once", customer)
                    .containsExactlyElementsOf(samples.keySet());
            for (CSVRecord row : report) {
                String id = row.get("connection_id");
                assertThat(Long.parseLong(row.get("samples")))
                        .as("%s's month samples of %s: its own days only", customer, id)
                        .isEqualTo(samples.get(id));
                assertThat(row.get("connection_name"))
                        .as("the name of %s on %s's last day", id, customer)
                        .isEqualTo(spreadsheetText(lastName.get(id)));
            }
            Map<String, Map<Net, Long>> reportedPrefixes = new HashMap<>();
            for (CSVRecord row : records(folder.resolve(month + "-prefixes.csv"))) {
                Long before = reportedPrefixes
                        .computeIfAbsent(row.get("connection_id"), k -> new HashMap<>())
                        .put(Net.parse(row.get("prefix")), Long.parseLong(row.get("samples")));
                assertThat(before).as("one row per (connection, prefix)").isNull();
            }
            assertThat(reportedPrefixes).as("%s's month prefixes", customer).isEqualTo(prefixes);
            String page = Files.readString(folder.resolve(month + ".html"));
            for (GeneratedTenants day : days) {
                for (Conn other : day.connections) {
                    if (!samples.containsKey(other.id())) {
                        assertThat(page)
                                .as("%s's month page names no connection it never owned", customer)
                                .doesNotContain("data-connection=\"" + other.id() + "\"")
                                .doesNotContain(">" + other.id() + ",");
                    }
                }
            }
        }
    }

    /** Runs the real command line on one day of {@code work/latency} with the registry given; it must succeed. */
    private void runDay(Path registry, Path out, LocalDate day) {
        PeertelCall.succeeding(List.of(
                "run",
                "--connections",
                registry.toString(),
                "--input",
                work.resolve("latency").toString(),
                "--out",
                out.toString(),
                "--db",
                work.resolve("t.duckdb").toString(),
                "--date",
                day.toString()));
    }

    /** Checks one customer's files against its connections; returns the samples of its report. */
    private static long checkCustomer(Path folder, List<Conn> connections, Expected expected) throws IOException {
        String day = GeneratedTenants.DAY.toString();
        String month = java.time.YearMonth.from(GeneratedTenants.DAY).toString();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            day + ".csv",
                            day + "-prefixes.csv",
                            day + "-hourly.csv",
                            "month-" + month + ".csv",
                            "month-" + month + "-prefixes.csv",
                            "month-" + month + ".html");
        }
        return checkDay(folder, GeneratedTenants.DAY, connections, expected);
    }

    /** Checks one customer's files of one day against its connections that day; returns the samples of its report. */
    private static long checkDay(Path folder, LocalDate date, List<Conn> connections, Expected expected)
            throws IOException {
        String day = date.toString();
        Map<String, Conn> own = connections.stream().collect(Collectors.toMap(Conn::id, c -> c));

        List<CSVRecord> report = records(folder.resolve(day + ".csv"));
        assertThat(report.stream().map(r -> r.get("connection_id")))
                .as("%s lists exactly its own connections, each once, by id", folder)
                .containsExactlyElementsOf(own.keySet().stream().sorted().toList());
        long samples = 0;
        for (CSVRecord row : report) {
            Conn c = own.get(row.get("connection_id"));
            assertThat(row.get("connection_name")).isEqualTo(spreadsheetText(c.name()));
            assertThat(row.get("partner")).isEqualTo(spreadsheetText(c.partner()));
            assertThat(row.get("country") + "/" + row.get("state"))
                    .isEqualTo(c.location().country() + "/" + c.location().state());
            long rowSamples = Long.parseLong(row.get("samples"));
            assertThat(rowSamples)
                    .as("samples of %s", c.id())
                    .isEqualTo(expected.perConnection().getOrDefault(c.id(), 0L));
            assertThat(row.get("median_ms").isEmpty()).isEqualTo(rowSamples == 0);
            samples += rowSamples;
        }

        Map<String, Map<Net, Long>> prefixes = new HashMap<>();
        for (CSVRecord row : records(folder.resolve(day + "-prefixes.csv"))) {
            Conn c = own.get(row.get("connection_id"));
            assertThat(c)
                    .as("%s: prefix row of connection %s, not this customer's", folder, row.get("connection_id"))
                    .isNotNull();
            Net prefix = Net.parse(row.get("prefix"));
            assertThat(c.nets())
                    .as("%s registered %s", c.id(), row.get("prefix"))
                    .contains(prefix);
            Long before = prefixes.computeIfAbsent(c.id(), k -> new HashMap<>())
                    .put(prefix, Long.parseLong(row.get("samples")));
            assertThat(before).as("one row per (connection, prefix)").isNull();
        }
        Map<String, Map<Net, Long>> expectedPrefixes = new HashMap<>(expected.perConnectionPrefix());
        expectedPrefixes.keySet().retainAll(own.keySet());
        assertThat(prefixes).isEqualTo(expectedPrefixes);

        Map<String, Long> hourlySamples = new HashMap<>();
        String previous = "";
        for (CSVRecord row : records(folder.resolve(day + "-hourly.csv"))) {
            Conn c = own.get(row.get("connection_id"));
            assertThat(c)
                    .as("%s: hourly row of connection %s, not this customer's", folder, row.get("connection_id"))
                    .isNotNull();
            int hour = Integer.parseInt(row.get("hour"));
            assertThat(hour).isBetween(0, 23);
            String key = String.format("%s %02d", c.id(), hour);
            assertThat(key).as("by connection, then hour, each once").isGreaterThan(previous);
            previous = key;
            hourlySamples.merge(c.id(), Long.parseLong(row.get("samples")), Long::sum);
        }
        Map<String, Long> expectedHourly = new HashMap<>(expected.perConnection());
        expectedHourly.keySet().retainAll(own.keySet());
        expectedHourly.values().removeIf(n -> n == 0);
        assertThat(hourlySamples)
                .as("the hours of a connection add up to its day")
                .isEqualTo(expectedHourly);
        return samples;
    }

    /** Every alert names a connection together with the customer that owns it. */
    private static void checkAlerts(Path file, GeneratedTenants tenants) throws IOException {
        Map<String, String> customerOf =
                tenants.connections.stream().collect(Collectors.toMap(Conn::id, Conn::customer));
        List<CSVRecord> alerts = records(file);
        assertThat(alerts).as("connections without data raise NO_DATA").isNotEmpty();
        for (CSVRecord alert : alerts) {
            assertThat(alert.get("customer_id")).isEqualTo(customerOf.get(alert.get("connection_id")));
        }
    }

    /** What a text cell must hold (docs/security.md, CSV injection): a leading ' before = + - @. */
    private static String spreadsheetText(String value) {
        return "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(file)))) {
            return parser.getRecords();
        }
    }

    private static void writeLatencyFiles(GeneratedTenants tenants, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : tenants.latencyFiles().entrySet()) {
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            try (OutputStream stream = Files.newOutputStream(folder.resolve(file.getKey()));
                    OutputStream content = file.getKey().endsWith(".gz") ? new GZIPOutputStream(stream) : stream) {
                content.write(bytes);
            }
        }
    }
}
