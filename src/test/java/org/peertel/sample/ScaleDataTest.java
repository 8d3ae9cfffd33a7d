package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.prefix.Prefix;

/** writeScale makes what was asked for, deterministically, with clean public-looking prefixes. */
class ScaleDataTest {

    private static final ScaleSettings SMALL =
            new ScaleSettings(LocalDate.of(2026, 1, 30), 3, 57, 10_001, 3, 42, false);

    /** Special-purpose space no generated prefix may touch (documentation space is allowed). */
    private static final List<Prefix> SPECIAL = List.of(
                    "10.0.0.0/8",
                    "172.16.0.0/12",
                    "192.168.0.0/16",
                    "127.0.0.0/8",
                    "::1/128",
                    "169.254.0.0/16",
                    "fe80::/10",
                    "224.0.0.0/4",
                    "ff00::/8",
                    "0.0.0.0/8",
                    "::/128",
                    "100.64.0.0/10",
                    "fc00::/7",
                    "240.0.0.0/4",
                    "255.255.255.255/32")
            .stream()
            .map(Prefix::parse)
            .toList();

    @Test
    void writesTheRequestedDaysFilesAndRows(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeScale(dir, SMALL);

        assertThat(GeneratedFiles.list(dir))
                .containsExactly(
                        "connections.csv",
                        "latency/2026-01-30/ams1.csv",
                        "latency/2026-01-30/fra1.csv",
                        "latency/2026-01-30/iad1.csv",
                        "latency/2026-01-31/ams1.csv",
                        "latency/2026-01-31/fra1.csv",
                        "latency/2026-01-31/iad1.csv",
                        "latency/2026-02-01/ams1.csv",
                        "latency/2026-02-01/fra1.csv",
                        "latency/2026-02-01/iad1.csv");
        for (LocalDate day = SMALL.from(); day.isBefore(SMALL.from().plusDays(3)); day = day.plusDays(1)) {
            long rows = 0;
            for (String pop : List.of("ams1", "fra1", "iad1")) {
                List<String> lines = NaiveDataAudit.lines(dir.resolve("latency/" + day + "/" + pop + ".csv"));
                assertThat(lines.get(0)).isEqualTo(LatencyCsvWriter.HEADER);
                rows += lines.size() - 1;
            }
            assertThat(rows).as(day.toString()).isEqualTo(10_001);
        }
    }

    @Test
    void rowsAreMostlyAttributedWithAFewPercentOfEachProblem(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeScale(dir, SMALL);

        NaiveDataAudit audit = NaiveDataAudit.of(dir);
        LocalDate day = SMALL.from();
        assertThat(audit.outcome(day, "attributed")).isBetween(9_300L, 9_700L);
        assertThat(audit.outcome(day, "no_prefix")).isBetween(100L, 300L);
        assertThat(audit.outcome(day, "location_mismatch")).isBetween(75L, 225L);
        assertThat(audit.outcome(day, "rejected")).isBetween(50L, 150L);
        assertThat(audit.rejects)
                .map(NaiveDataAudit.Reject::reason)
                .contains(
                        "column_count",
                        "bad_timestamp",
                        "wrong_day",
                        "bad_client_ip",
                        "bad_country",
                        "bad_state",
                        "missing_edge_pop",
                        "bad_rtt",
                        "rtt_out_of_range");
    }

    @Test
    void sameSettingsGiveIdenticalBytesAndAnotherSeedDoesNot(
            @TempDir Path first, @TempDir Path second, @TempDir Path otherSeed) throws IOException {
        ScaleSettings gzipped = new ScaleSettings(LocalDate.of(2026, 11, 16), 2, 25, 5_000, 4, 7, true);
        SampleDataGenerator.writeScale(first, gzipped);
        SampleDataGenerator.writeScale(second, gzipped);
        SampleDataGenerator.writeScale(otherSeed, new ScaleSettings(gzipped.from(), 2, 25, 5_000, 4, 8, true));

        List<String> files = GeneratedFiles.list(first);
        assertThat(files).hasSize(1 + 2 * 4).allMatch(f -> f.equals("connections.csv") || f.endsWith(".csv.gz"));
        assertThat(GeneratedFiles.list(second)).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(second.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        assertThat(Files.readAllBytes(otherSeed.resolve(files.get(1))))
                .isNotEqualTo(Files.readAllBytes(first.resolve(files.get(1))));
    }

    @Test
    void everyPrefixParsesAndStaysOutOfSpecialPurposeSpace(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeScale(dir, SMALL);

        List<CSVRecord> registry = readRegistry(dir);
        assertThat(registry).hasSize(57);
        Set<String> customers = new HashSet<>();
        boolean ipv4 = false;
        boolean ipv6 = false;
        for (CSVRecord row : registry) {
            customers.add(row.get("customer_id"));
            for (String text : row.get("prefixes").split(" ")) {
                Prefix prefix = Prefix.parse(text);
                assertThat(prefix.toString()).as("canonical text").isEqualTo(text);
                assertThat(SPECIAL).as(text).noneMatch(prefix::overlaps);
                ipv4 |= prefix.isIpv4();
                ipv6 |= !prefix.isIpv4();
            }
        }
        assertThat(customers).hasSize(6);
        assertThat(ipv4).isTrue();
        assertThat(ipv6).isTrue();
    }

    @Test
    void registryHasGeoRedundantAndNestedPrefixesAndNoOtherSharing(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeScale(dir, SMALL);

        List<String[]> registrations = new ArrayList<>(); // prefix, connection, customer, location
        for (CSVRecord row : readRegistry(dir)) {
            for (String text : row.get("prefixes").split(" ")) {
                registrations.add(new String[] {
                    text, row.get("connection_id"), row.get("customer_id"), row.get("country") + "/" + row.get("state")
                });
            }
        }
        int geoRedundant = 0;
        int nestedAcrossCustomers = 0;
        for (String[] a : registrations) {
            for (String[] b : registrations) {
                if (a[1].compareTo(b[1]) >= 0) {
                    continue;
                }
                if (a[0].equals(b[0])) {
                    assertThat(b[2]).as(a[0] + " shared across customers").isEqualTo(a[2]);
                    assertThat(b[3]).as(a[0] + " shared at one location").isNotEqualTo(a[3]);
                    geoRedundant++;
                } else if (Prefix.parse(a[0]).overlaps(Prefix.parse(b[0])) && !a[2].equals(b[2])) {
                    nestedAcrossCustomers++;
                }
            }
        }
        assertThat(geoRedundant).isGreaterThanOrEqualTo(5);
        assertThat(nestedAcrossCustomers).isGreaterThanOrEqualTo(4);
    }

    private static List<CSVRecord> readRegistry(Path dir) throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve("connections.csv"))) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }
}
