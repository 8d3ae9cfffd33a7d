package org.peertel.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.attribution.ConnectionMatcher;
import org.peertel.config.IngestSettings;
import org.peertel.ingest.DayManifest;
import org.peertel.ingest.IngestLimits;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.LatencyDay;
import org.peertel.ingest.NearValidLines;
import org.peertel.registry.RegistryLoader;
import org.peertel.sample.SampleDataGenerator;
import org.peertel.sample.ScaleSettings;
import org.peertel.store.DaySpool;

/**
 * attributeStep's spool is byte for byte the same whether the reader's fast lane takes rows or the reference chain
 * reads them all: the same input spooled both ways, every spool file compared, and the same file results (rows,
 * bytes, SHA-256 as {@link DayManifest} computes it, skipped files).
 */
class SpoolLanesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 19);

    @TempDir
    Path root;

    @Test
    void generatedDataWithBadRowsIpv6AndGzip() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path out = root.resolve("gen-" + gzip);
            SampleDataGenerator.writeScale(
                    out, new ScaleSettings(DAY, 1, 4, 40, 60, 30, 0.05, 40_000, 3, 0.3, 0.1, 5, gzip, null));

            assertSameSpool(
                    out.resolve("connections.csv"),
                    out.resolve("latency").resolve(DAY.toString()),
                    IngestSettings.DEFAULTS);
        }
    }

    @Test
    void linesOnTheBorderOfEveryRuleAndBadFilesSkipped() throws IOException {
        Path folder = root.resolve("near").resolve(DAY.toString());
        Files.createDirectories(folder);
        for (int seed = 0; seed < 20; seed++) {
            Files.write(folder.resolve("near-" + seed + ".csv"), NearValidLines.file(seed, 500));
        }
        Files.write(folder.resolve("zz-not-gzip.csv.gz"), NearValidLines.file(99, 10));
        Path connections = Path.of("src/test/resources/hostile/common/connections.csv");

        assertSameSpool(connections, folder, IngestSettings.DEFAULTS.withSkipBadFiles(true));
        assertSameSpool(
                connections,
                folder,
                new IngestSettings(new IngestLimits(IngestLimits.DEFAULT_MAX_FILE_BYTES, 80), true));
    }

    private void assertSameSpool(Path connections, Path folder, IngestSettings ingest) throws IOException {
        ConnectionMatcher matcher =
                new ConnectionMatcher(RegistryLoader.load(connections).registry());
        LatencyDay latency = LatencyDay.of(folder, DAY, ingest.limits(), ingest.skipBadFiles());
        DaySpool fast = spool("fast", matcher, latency);
        DaySpool reference = spool("reference", matcher, latency.referenceOnly());

        List<Path> fastFiles = files(fast.folder());
        assertThat(fastFiles).isEqualTo(files(reference.folder())).isNotEmpty();
        for (Path name : fastFiles) {
            assertThat(Files.readAllBytes(fast.folder().resolve(name)))
                    .as(name.toString())
                    .isEqualTo(Files.readAllBytes(reference.folder().resolve(name)));
        }
        assertThat(bytesOf(fast.folder(), "measurement-chunks"))
                .as("attributed rows")
                .isPositive();
        assertThat(bytesOf(fast.folder(), "unattributed"))
                .as("unattributed rows")
                .isPositive();
        assertThat(bytesOf(fast.folder(), "rejects")).as("rejects").isPositive();
    }

    /** Spools every input file with FileAttribution, then completes the spool as the tasklet does. */
    private DaySpool spool(String name, ConnectionMatcher matcher, LatencyDay latency) {
        DaySpool spool =
                DaySpool.of(root.resolve(name + "-" + System.nanoTime()).resolve("p.duckdb"), DAY);
        spool.clear();
        FileAttribution attribution = new FileAttribution(latency, matcher, new AttributionCounters(), 1_000);
        List<InputFile> files = new ArrayList<>();
        List<org.peertel.ingest.SkippedFile> skipped = new ArrayList<>();
        DayManifest manifest = DayManifest.of(latency.files().get(0).getParent());
        for (int fileNo = 0; fileNo < latency.files().size(); fileNo++) {
            LatencyDay.FileResult result;
            try (var out = spool.fileWriter(fileNo, matcher.connectionIds().size())) {
                result = attribution.run(fileNo, out);
            }
            if (result.skipped() != null) {
                spool.discardFile(fileNo);
                skipped.add(result.skipped());
            }
            assertThat(result.file().sha256())
                    .isEqualTo(manifest.find(result.file().name()).sha256());
            files.add(result.file());
        }
        spool.complete(java.util.Map.of("file", latency.fileNames()), List.of(), files, skipped);
        return spool;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }

    private static long bytesOf(Path folder, String kind) throws IOException {
        long bytes = 0;
        for (Path name : files(folder)) {
            if (name.toString().matches(".*-" + kind + "\\.(csv|bin)")) {
                bytes += Files.size(folder.resolve(name));
            }
        }
        return bytes;
    }
}
