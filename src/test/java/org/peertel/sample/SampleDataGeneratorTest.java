package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.bgp.MrtDecoder;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;
import org.peertel.bgp.MrtRecord;

/** writeSample is deterministic, and the committed sample-data/ is exactly what it writes. */
class SampleDataGeneratorTest {

    private static final Path COMMITTED = Path.of("sample-data");

    @Test
    void twoRunsWriteIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        SampleDataGenerator.writeSample(first);
        SampleDataGenerator.writeSample(second);

        List<String> files = GeneratedFiles.list(first);
        assertThat(GeneratedFiles.list(second)).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(second.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    /**
     * Plain files must match byte for byte. A .gz file must have the same gzip header up to the OS byte and the same
     * decompressed content: the compressed bytes depend on the zlib build inside the JDK, not on the generator.
     */
    @Test
    void committedSampleIsExactlyTheGeneratorOutput(@TempDir Path fresh) throws IOException {
        SampleDataGenerator.writeSample(fresh);

        List<String> files = GeneratedFiles.list(fresh);
        assertThat(GeneratedFiles.list(COMMITTED))
                .as("sample-data/ must be regenerated with the generator, not edited by hand")
                .isEqualTo(files);
        for (String file : files) {
            byte[] expected = Files.readAllBytes(fresh.resolve(file));
            byte[] committed = Files.readAllBytes(COMMITTED.resolve(file));
            if (file.startsWith("bgp/")) {
                assertThat(Arrays.copyOf(committed, 9)).as(file + " header").isEqualTo(Arrays.copyOf(expected, 9));
                assertThat(gunzip(COMMITTED.resolve(file))).as(file).isEqualTo(gunzip(fresh.resolve(file)));
            } else if (file.endsWith(".gz")) {
                assertThat(Arrays.copyOf(committed, 9)).as(file + " header").isEqualTo(Arrays.copyOf(expected, 9));
                assertThat(NaiveDataAudit.lines(COMMITTED.resolve(file)))
                        .as(file)
                        .isEqualTo(NaiveDataAudit.lines(fresh.resolve(file)));
            } else {
                assertThat(committed).as(file).isEqualTo(expected);
            }
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @Test
    void sampleWeekHasFourEdgePopFilesPerDayOneOfThemGzipped(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeSample(dir);

        List<String> files = GeneratedFiles.list(dir);
        assertThat(files)
                .hasSize(1 + 7 * 4 + 7)
                .contains(
                        "connections.csv",
                        "latency/2026-11-16/ams1.csv",
                        "latency/2026-11-16/fra1.csv",
                        "latency/2026-11-16/iad1.csv",
                        "latency/2026-11-16/sjc1.csv.gz",
                        "latency/2026-11-22/sjc1.csv.gz",
                        "bgp/2026-11-16/updates.2026-11-16.gz",
                        "bgp/2026-11-22/updates.2026-11-22.gz");
        long totalBytes = 0;
        for (String file : files) {
            totalBytes += Files.size(dir.resolve(file));
        }
        assertThat(totalBytes).isLessThan(1_000_000);
    }

    /** A few KiB a day: twelve peers' opening announcements, some churn and the stories. */
    @Test
    void bgpFilesAreSmallAndReadWithoutProblems(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeSample(dir);

        for (String file : GeneratedFiles.list(dir)) {
            if (file.startsWith("bgp/")) {
                assertThat(Files.size(dir.resolve(file))).as(file).isBetween(1_000L, 4_096L);
                MrtReadReport report = new MrtReadReport();
                try (InputStream in = MrtReader.open(dir.resolve(file))) {
                    MrtReader reader = new MrtReader(in, report);
                    MrtDecoder decoder = new MrtDecoder(report);
                    MrtRecord record;
                    while ((record = reader.next()) != null) {
                        decoder.decode(record);
                    }
                }
                assertThat(report.problems()).as(file).isEmpty();
                assertThat(report.records()).as(file).isBetween(180L, 196L);
            }
        }
    }

    @Test
    void gzipFilesCarryModificationTimeZeroAndNoFileName(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeSample(dir);

        byte[] header = Arrays.copyOf(Files.readAllBytes(dir.resolve("latency/2026-11-16/sjc1.csv.gz")), 10);
        assertThat(header[0] & 0xff).isEqualTo(0x1f);
        assertThat(header[1] & 0xff).isEqualTo(0x8b);
        assertThat(header[3]).as("FLG: no name, comment or extra field").isZero();
        assertThat(Arrays.copyOfRange(header, 4, 8)).as("MTIME").containsOnly(0);
    }

    @Test
    void connectionsCsvQuotesOnlyFieldsThatNeedIt(@TempDir Path dir) throws IOException {
        SampleDataGenerator.writeSample(dir);

        List<String> lines = Files.readAllLines(dir.resolve("connections.csv"));
        assertThat(lines.get(0)).isEqualTo(ConnectionsCsvWriter.HEADER + ",origin_asns");
        assertThat(lines)
                .hasSize(10)
                .contains("initech-par-1,initech,\"Initech Paris, Site A\",France-IX,FR,,203.0.113.64/26,64502")
                .contains("globex-fra-1,globex,Globex Frankfurt,DE-CIX,DE,,203.0.113.0/24 2001:db8:100::/40,64501")
                .contains("acme-sjc-1,acme,Acme San Jose,Equinix,US,CA,198.51.100.0/24 2001:db8:a::/48,");
    }
}
