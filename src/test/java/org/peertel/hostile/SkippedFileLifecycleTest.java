package org.peertel.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ingest.DayManifest;
import org.peertel.store.TelemetryStore;

/**
 * A bad file over the life of a day: it fails the day; the same command with --skip-bad-files restarts the failed
 * day and publishes it partial; the recorded manifest still names the bad file, so replacing it is late data; the
 * run after the replacement publishes the day complete.
 */
class SkippedFileLifecycleTest {

    private static final String DAY = HostileCase.DAY;

    @TempDir
    Path work;

    @Test
    void aSkippedFileIsLateDataWhenReplacedAndTheDayThenBecomesComplete() throws Exception {
        // given: good.csv and a truncated gzip
        Path dayFolder = work.resolve("latency").resolve(DAY);
        HostileCase.writeGoodDay(dayFolder);
        Files.copy(HostileCase.CORPUS.resolve("truncated-gzip/input/cut.csv.gz"), dayFolder.resolve("cut.csv.gz"));
        assertEquals(1, run().code());

        // when: the same day with --skip-bad-files
        PeertelRun skipping = run("--skip-bad-files");

        // then: the failed execution was restarted and skipped the file
        assertEquals(0, skipping.code(), skipping::toString);
        assertTrue(skipping.out().contains("restart (manual)"), skipping.out());
        assertTrue(skipping.out().contains("PARTIAL: 1 bad file skipped"), skipping.out());
        DocumentContext partial = summary();
        assertEquals(true, partial.read("$.partial", Boolean.class));
        assertEquals(List.of("cut.csv.gz"), partial.read("$.skipped_files[*].name"));
        assertEquals(7L, partial.read("$.rows_read", Long.class));
        assertEquals("no change", changes().toString(), "the skipped file is in the recorded manifest");

        // when: the bad file is replaced by a good one, and the day runs again without the option
        Files.copy(
                HostileCase.CORPUS.resolve("header-only/input/header.csv.gz"),
                dayFolder.resolve("cut.csv.gz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("replaced cut.csv.gz", changes().toString(), "late data");
        PeertelRun complete = run();

        // then
        assertEquals(0, complete.code(), complete::toString);
        DocumentContext summary = summary();
        assertEquals(false, summary.read("$.partial", Boolean.class));
        assertEquals(List.of(), summary.read("$.skipped_files"));
        assertEquals(List.of("complete"), coverage("acme"));
    }

    private PeertelRun run(String... extra) throws Exception {
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(
                settings,
                "alerts = " + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n");
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--settings",
                settings.toString(),
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
        args.addAll(List.of(extra));
        return PeertelRun.inProcess(args);
    }

    private DocumentContext summary() throws Exception {
        return JsonPath.parse(Files.readString(work.resolve("out/runs/" + DAY + ".json")));
    }

    private DayManifest.Changes changes() {
        try (TelemetryStore store = TelemetryStore.open(work.resolve("t.duckdb"))) {
            return DayManifest.of(work.resolve("latency").resolve(DAY))
                    .changesSince(store.queries().manifest(LocalDate.parse(DAY)));
        }
    }

    /** The distinct coverage values of a customer's report. */
    private List<String> coverage(String customer) throws Exception {
        return Files.readAllLines(work.resolve("out/reports/" + customer + "/" + DAY + ".csv")).stream()
                .skip(1)
                .map(line -> line.substring(line.lastIndexOf(',') + 1))
                .distinct()
                .toList();
    }
}
