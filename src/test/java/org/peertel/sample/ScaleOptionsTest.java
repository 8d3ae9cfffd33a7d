package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;

/** The options of {@code generate scale}: counts, shares and the prefix table are met, and the registry loads. */
class ScaleOptionsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    /**
     * A table with nesting (a parent whose first /24 is taken, one wholly covered) and every kind of bad line. It
     * stands for a routing table, so it is public space: /8 to /23 blocks are wider than documentation space, and the
     * generator keeps 198.51.100.0/24 and 2001:db8:ffff::/48 for its no_prefix clients.
     */
    private static final String TABLE = String.join(
                    "\n",
                    "# a comment, then a blank line",
                    "",
                    "1.0.0.0/16",
                    "1.0.0.0/24",
                    "1.0.1.0/24",
                    "1.0.128.0/17",
                    "2.0.0.0/23",
                    "2.0.0.0/24",
                    "2.0.1.0/24",
                    "  3.0.0.0/8  ",
                    "3.3.3.0/24",
                    "3.3.3.3/32",
                    "2a00::/16",
                    "2a00:1::/32",
                    "2a00:1:2::/48",
                    "2c0f::/32",
                    "::ffff:5.6.0.0/112",
                    "1.0.0.0/24",
                    "::ffff:3.3.3.0/120", // duplicates, the second as IPv4-mapped IPv6
                    "1.2.3.4/24",
                    "banana",
                    "300.0.0.0/8",
                    "1.0.0.0/33", // invalid
                    "10.1.0.0/16",
                    "fc00::/7",
                    "0.0.0.0/0",
                    "224.0.0.0/8", // special-purpose space
                    "198.51.100.0/24",
                    "198.51.0.0/16",
                    "2001:db8:ffff::/48")
            + "\n"; // the no_prefix blocks

    private static final Set<String> TABLE_USABLE = Set.of(
            "1.0.0.0/16",
            "1.0.0.0/24",
            "1.0.1.0/24",
            "1.0.128.0/17",
            "2.0.0.0/23",
            "2.0.0.0/24",
            "2.0.1.0/24",
            "3.0.0.0/8",
            "3.3.3.0/24",
            "3.3.3.3/32",
            "5.6.0.0/16",
            "2a00::/16",
            "2a00:1::/32",
            "2a00:1:2::/48",
            "2c0f::/32");

    private static ScaleSettings settings(
            int connections,
            int customers,
            int ipv4,
            int ipv6,
            double nested,
            long rows,
            double ipv6Share,
            double badShare,
            Path table) {
        return new ScaleSettings(
                DAY, 1, customers, connections, ipv4, ipv6, nested, rows, 3, ipv6Share, badShare, 11, false, table);
    }

    @Test
    void generatedPrefixCountsCustomersAndNestingAreExactAndTheRegistryLoads(@TempDir Path dir) throws IOException {
        SampleDataGenerator.ScaleSummary summary =
                SampleDataGenerator.writeScale(dir, settings(40, 7, 500, 120, 0.1, 100, 0.3, 0.01, null));

        Registry registry = Registry.read(dir);
        assertThat(registry.distinct(true)).hasSize(500);
        assertThat(registry.distinct(false)).hasSize(120);
        assertThat(registry.nestedInAnother()).isEqualTo(50 + 12);
        assertThat(registry.customers).hasSize(7);
        assertThat(registry.prefixesOf)
                .hasSize(40)
                .allSatisfy((id, prefixes) -> assertThat(prefixes).isNotEmpty());
        assertThat(summary.ipv4Prefixes()).isEqualTo(500);
        assertThat(summary.ipv6Prefixes()).isEqualTo(120);
        assertThat(summary.nested()).isEqualTo(62);
        assertThat(summary.registrations()).isEqualTo(registry.registrations);
        assertThat(summary.table()).isNull();
        assertLoadsWithoutErrors(dir);
    }

    @Test
    void sharesOfIpv6ClientsAndBadRowsAreMet(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeScale(dir, settings(30, 3, 200, 60, 0.05, 40_000, 0.4, 0.1, null));

        Rows rows = Rows.read(dir);
        NaiveDataAudit audit = NaiveDataAudit.of(dir);
        assertThat(rows.total).isEqualTo(40_000);
        assertThat(audit.outcome(DAY, "rejected") / 40_000.0).isBetween(0.09, 0.11);
        long measurements = 40_000 - audit.outcome(DAY, "rejected");
        assertThat(rows.ipv6Measurements / (double) measurements).isBetween(0.38, 0.42);
        // of the measurements: 2 % no_prefix, 1.5 % location_mismatch, the rest attributed
        assertThat(audit.outcome(DAY, "no_prefix") / (double) measurements).isBetween(0.016, 0.024);
        assertThat(audit.outcome(DAY, "location_mismatch") / (double) measurements)
                .isBetween(0.011, 0.019);
        assertThat(audit.outcome(DAY, "attributed") / (double) measurements).isBetween(0.96, 0.97);
    }

    @Test
    void zeroSharesGiveOnlyIpv4MeasurementsAndNoBadRow(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeScale(dir, settings(10, 2, 50, 0, 0, 5_000, 0, 0, null));

        Rows rows = Rows.read(dir);
        assertThat(rows.total).isEqualTo(5_000);
        assertThat(rows.ipv6Measurements).isZero();
        assertThat(NaiveDataAudit.of(dir).outcome(DAY, "rejected")).isZero();
        assertThat(Registry.read(dir).distinct(false)).isEmpty();
    }

    @Test
    void aPrefixTableGivesItsUsablePrefixesPlainOrGzippedAndCountsWhatItSkips(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("table.txt");
        Files.writeString(plain, TABLE);
        Path gzip = dir.resolve("table.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(TABLE.getBytes(StandardCharsets.US_ASCII));
        }
        ScaleSettings fromPlain = settings(4, 2, ScaleSettings.ALL, ScaleSettings.ALL, 0, 3_000, 0.3, 0.01, plain);
        SampleDataGenerator.ScaleSummary summary = SampleDataGenerator.writeScale(dir.resolve("plain"), fromPlain);
        SampleDataGenerator.writeScale(
                dir.resolve("gzip"), settings(4, 2, ScaleSettings.ALL, ScaleSettings.ALL, 0, 3_000, 0.3, 0.01, gzip));

        Registry registry = Registry.read(dir.resolve("plain"));
        Set<String> registered = new TreeSet<>(registry.distinct(true));
        registered.addAll(registry.distinct(false));
        assertThat(registered).isEqualTo(new TreeSet<>(TABLE_USABLE));
        PrefixTableReport report = summary.table();
        assertThat(report.lines()).isEqualTo(30);
        assertThat(report.usableIpv4()).isEqualTo(11);
        assertThat(report.usableIpv6()).isEqualTo(4);
        assertThat(report.usedIpv4()).isEqualTo(11);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.invalid()).isEqualTo(4);
        assertThat(report.specialPurpose()).isEqualTo(4);
        assertThat(report.noPrefixSpace()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(13);
        assertThat(Files.readAllBytes(dir.resolve("gzip/connections.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("plain/connections.csv")));
        assertThat(Files.readAllBytes(dir.resolve("gzip/latency/" + DAY + "/fra1.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("plain/latency/" + DAY + "/fra1.csv")));
        assertLoadsWithoutErrors(dir.resolve("plain"));
    }

    /** Clients avoid more-specific prefixes, so every row meant to be attributed is, even in a nested table. */
    @Test
    void everyRowMeantForAConnectionIsAttributedDespiteNesting(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("table.txt");
        Files.writeString(table, TABLE);
        SampleDataGenerator.writeScale(
                dir.resolve("out"), settings(5, 2, ScaleSettings.ALL, ScaleSettings.ALL, 0, 20_000, 0.3, 0.02, table));

        Rows rows = Rows.read(dir.resolve("out"));
        NaiveDataAudit audit = NaiveDataAudit.of(dir.resolve("out"));
        assertThat(audit.outcome(DAY, "location_mismatch")).isEqualTo(rows.inIceland);
        assertThat(audit.outcome(DAY, "no_prefix")).isEqualTo(rows.inNoPrefixBlocks);
        assertThat(audit.outcome(DAY, "attributed"))
                .isEqualTo(rows.total - audit.outcome(DAY, "rejected") - rows.inIceland - rows.inNoPrefixBlocks);
        // 2.0.0.0/23 is wholly covered by its two /24s, so no client has it as its longest match
        Prefix covered = Prefix.parse("2.0.0.0/23");
        assertThat(rows.clients)
                .noneMatch(ip -> covered.contains(ip)
                        && !Prefix.parse("2.0.0.0/24").contains(ip)
                        && !Prefix.parse("2.0.1.0/24").contains(ip));
        assertThat(audit.rttsOf(DAY, "conn-1")).isNotEmpty();
    }

    @Test
    void aSmallerCountSamplesTheTableTheSameWayEveryTime(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("table.txt");
        Files.writeString(table, TABLE);
        SampleDataGenerator.writeScale(dir.resolve("a"), settings(2, 1, 3, 1, 0, 10, 0.3, 0.01, table));
        SampleDataGenerator.writeScale(dir.resolve("b"), settings(2, 1, 3, 1, 0, 10, 0.3, 0.01, table));

        Registry registry = Registry.read(dir.resolve("a"));
        assertThat(registry.distinct(true)).hasSize(3).allMatch(TABLE_USABLE::contains);
        assertThat(registry.distinct(false)).hasSize(1).allMatch(TABLE_USABLE::contains);
        assertThat(Files.readString(dir.resolve("b/connections.csv")))
                .isEqualTo(Files.readString(dir.resolve("a/connections.csv")));
    }

    @Test
    void aTableTooSmallForTheAskIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("table.txt");
        Files.writeString(table, TABLE);

        assertThatThrownBy(() -> SampleDataGenerator.writeScale(
                        dir.resolve("out"), settings(2, 1, 12, ScaleSettings.ALL, 0, 10, 0.3, 0.01, table)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ipv4-prefixes 12 is more than the 11 usable prefixes");
        assertThatThrownBy(() -> SampleDataGenerator.writeScale(
                        dir.resolve("out"),
                        settings(16, 1, ScaleSettings.ALL, ScaleSettings.ALL, 0, 10, 0.3, 0.01, table)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 15 prefixes to register for 16 connections");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void settingsOutOfRangeNameTheirOption() {
        assertThatThrownBy(() -> settings(10, 11, 10, 10, 0, 1, 0.3, 0.01, null))
                .hasMessage("--customers must be in 1..10, was 11");
        assertThatThrownBy(() -> settings(10, 1, 10, 10, 0, 1, 1.5, 0.01, null))
                .hasMessageContaining("--ipv6-share is a share from 0 to 1");
        assertThatThrownBy(() -> settings(10, 1, 10, 10, 0.6, 1, 0.3, 0.01, null))
                .hasMessageContaining("--nested-share is a share from 0 to 0.5");
        assertThatThrownBy(() -> settings(10, 1, 5, 0, 0, 1, 0, 0.01, null))
                .hasMessageContaining("leave 5 prefixes that are not nested")
                .hasMessageContaining("10 connections");
        assertThatThrownBy(() -> settings(10, 1, 10, 0, 0, 1, 0.3, 0.01, null))
                .hasMessageContaining("--ipv6-prefixes is 0");
        assertThatThrownBy(() ->
                        settings(10, 1, ScaleSettings.ALL, ScaleSettings.ALL, 0.05, 1, 0.3, 0.01, Path.of("t.txt")))
                .hasMessageContaining("leave --nested-share out with --prefix-table");
    }

    /** The full real table (about 1.06 M prefixes) reads completely: it has nothing the registry refuses. */
    @Test
    void theRealFullTableIsReadWhole() throws IOException {
        Path bart = Path.of("../shared/testdata/prefixes/bart/prefixes.txt.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(bart), "shared test data absent");

        PrefixPlan plan = PrefixTableFile.read(bart, ScaleSettings.ALL, ScaleSettings.ALL, 1);
        assertThat(plan.table().lines()).isEqualTo(1_062_046);
        assertThat(plan.ipv4().size()).isEqualTo(901_899);
        assertThat(plan.ipv6().size()).isEqualTo(160_147);
        assertThat(plan.table().skipped()).isZero();
    }

    private static void assertLoadsWithoutErrors(Path dir) {
        RegistryLoadResult result = RegistryLoader.load(dir.resolve("connections.csv"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    /** The registry file read back. */
    private static final class Registry {
        final Map<String, List<Prefix>> prefixesOf = new HashMap<>();
        final Set<String> customers = new TreeSet<>();
        long registrations;

        static Registry read(Path dir) throws IOException {
            Registry registry = new Registry();
            try (Reader in = Files.newBufferedReader(dir.resolve("connections.csv"))) {
                for (CSVRecord row : CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
                    List<Prefix> prefixes = new ArrayList<>();
                    for (String text : row.get("prefixes").split(" ")) {
                        prefixes.add(Prefix.parse(text));
                    }
                    registry.prefixesOf.put(row.get("connection_id"), prefixes);
                    registry.customers.add(row.get("customer_id"));
                    registry.registrations += prefixes.size();
                }
            }
            return registry;
        }

        Set<String> distinct(boolean ipv4) {
            Set<String> distinct = new TreeSet<>();
            prefixesOf
                    .values()
                    .forEach(list ->
                            list.stream().filter(p -> p.isIpv4() == ipv4).forEach(p -> distinct.add(p.toString())));
            return distinct;
        }

        /** Distinct prefixes that lie inside another registered prefix. */
        long nestedInAnother() {
            List<Prefix> all = new ArrayList<>(new TreeSet<>(
                    prefixesOf.values().stream().flatMap(List::stream).toList()));
            return all.stream()
                    .filter(p -> all.stream().anyMatch(q -> !q.equals(p) && q.covers(p)))
                    .count();
        }
    }

    /** The data rows of every latency file, counted by what their client and location say. */
    private static final class Rows {
        long total;
        long ipv6Measurements;
        long inIceland;
        long inNoPrefixBlocks;
        final List<IpAddress> clients = new ArrayList<>();

        static Rows read(Path dir) throws IOException {
            Rows rows = new Rows();
            try (var files = Files.walk(dir.resolve("latency"))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    List<String> lines = NaiveDataAudit.lines(file);
                    for (String line : lines.subList(1, lines.size())) {
                        rows.count(line.split(",", -1));
                    }
                }
            }
            return rows;
        }

        private void count(String[] fields) {
            total++;
            if (NaiveDataAudit.rejectReason(DAY, fields) != null) {
                return;
            }
            IpAddress client = IpAddress.parse(fields[1]);
            clients.add(client);
            ipv6Measurements += client.isIpv4() ? 0 : 1;
            if (UnregisteredSpace.NO_PREFIX_IPV4.contains(client)
                    || UnregisteredSpace.NO_PREFIX_IPV6.contains(client)) {
                inNoPrefixBlocks++;
            } else if (fields[2].equals("IS")) {
                inIceland++;
            }
        }
    }
}
