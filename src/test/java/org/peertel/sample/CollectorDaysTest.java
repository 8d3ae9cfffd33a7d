package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;
import org.peertel.bgp.BgpDump;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;

/**
 * {@code generate bgp}: days of a collector's updates for a registry, deterministic, read back without problems, every
 * registered prefix from its allowed origin (so {@code bgp events} finds no hijack), and {@code generate scale
 * --origin-asns} gives the registry one origin per customer.
 */
class CollectorDaysTest {

    private static final Path SAMPLE_REGISTRY = Path.of("sample-data/connections.csv");

    private static CollectorDaySettings small(long seed) {
        return new CollectorDaySettings(SAMPLE_REGISTRY, LocalDate.of(2026, 11, 16), 2, 3_000, 5, 200, seed);
    }

    @Test
    void sameSettingsSameBytesOtherSeedOtherBytes(@TempDir Path first, @TempDir Path second, @TempDir Path other)
            throws IOException {
        SampleDataGenerator.writeCollectorDays(first, small(7));
        SampleDataGenerator.writeCollectorDays(second, small(7));
        SampleDataGenerator.writeCollectorDays(other, small(8));

        String file = "2026-11-17/updates.2026-11-17.gz";
        assertThat(Files.readAllBytes(second.resolve(file))).isEqualTo(Files.readAllBytes(first.resolve(file)));
        assertThat(Files.readAllBytes(other.resolve(file))).isNotEqualTo(Files.readAllBytes(first.resolve(file)));
    }

    @Test
    void everyUpdateReadsBackAndRegisteredPrefixesComeFromTheirAllowedOrigin(@TempDir Path dir) throws IOException {
        SampleDataGenerator.CollectorSummary summary = SampleDataGenerator.writeCollectorDays(dir, small(7));

        assertThat(summary.registeredPrefixes()).isEqualTo(12);
        assertThat(summary.unregisteredPrefixes()).isEqualTo(200);
        assertThat(summary.records()).isEqualTo(6_000);
        StringWriter text = new StringWriter();
        MrtReadReport report;
        try (InputStream in = MrtReader.open(dir.resolve("2026-11-16/updates.2026-11-16.gz"))) {
            report = BgpDump.dump(in, text);
        }
        assertThat(report.problems()).isEmpty();
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(3_000);
        assertThat(lines)
                .allSatisfy(line -> assertThat(line).matches("BGP4MP\\|\\d+\\|[AW]\\|198\\.18\\.0\\.[1-5]\\|.*"));
        // globex-fra-1's 203.0.113.0/24 allows 64501 only: every announcement of it ends with that AS
        Set<String> globexOrigins = lines.stream()
                .filter(line -> line.contains("|A|") && line.contains("|203.0.113.0/24|"))
                .map(line -> line.split("\\|")[6].replaceAll(".* ", ""))
                .collect(Collectors.toSet());
        assertThat(globexOrigins).containsExactly("64501");
    }

    @Test
    void bgpEventsOnAGeneratedDayFindNoHijack(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeCollectorDays(dir.resolve("bgp"), small(7));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(
                new PrintWriter(out),
                new PrintWriter(err),
                "bgp",
                "events",
                "--date",
                "2026-11-16",
                "--bgp",
                dir.resolve("bgp").toString(),
                "--connections",
                SAMPLE_REGISTRY.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--db",
                dir.resolve("t.duckdb").toString(),
                "--settings",
                Files.writeString(dir.resolve("telemetry.properties"), "").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2026-11-16  1 files, 3000 records, 0 critical, ");
    }

    @Test
    void scaleWithOriginAsnsGivesEachCustomerOneOrigin(@TempDir Path dir) throws IOException {
        ScaleSettings settings = new ScaleSettings(
                LocalDate.of(2026, 11, 16), 1, 5, 50, 200, 20, 0.05, 0, 1, 0.3, 0.01, 3, false, null, true);
        SampleDataGenerator.writeScale(dir, settings);

        List<String> lines = Files.readAllLines(dir.resolve("connections.csv"));
        assertThat(lines.get(0)).endsWith(",prefixes,origin_asns");
        assertThat(lines.subList(1, lines.size())).hasSize(50).allSatisfy(line -> {
            long asn = Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
            assertThat(asn).isBetween(131_072L, 393_215L);
        });
        // one origin per customer (the customer id is the second column): 5 customers, 5 (customer, origin) pairs
        assertThat(lines.stream()
                        .skip(1)
                        .map(line -> line.split(",")[1] + "=" + line.substring(line.lastIndexOf(',') + 1))
                        .distinct())
                .hasSize(5);
    }
}
