package org.peertel.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.config.JobSettings;
import org.peertel.launch.RunLock;

/** Passes of the nightly schedule at chosen instants, on a copy of the golden week's input. */
class NightlySchedulerTest {

    static final Path WEEK = Path.of("src/test/resources/golden/week/input");

    @TempDir
    Path work;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    NightlyScheduler scheduler;

    @BeforeEach
    void copyTheInput() throws IOException {
        try (Stream<Path> files = Files.walk(WEEK)) {
            for (Path source : files.toList()) {
                Path target =
                        work.resolve("input").resolve(WEEK.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        JobSettings settings = new JobSettings(
                work.resolve("input/connections.csv"),
                work.resolve("input/latency"),
                work.resolve("out"),
                work.resolve("out/t.duckdb"),
                null,
                10_000,
                "");
        ScheduleSettings schedule = ScheduleSettings.defaults().withHorizon("3", IllegalArgumentException::new);
        scheduler = new NightlyScheduler(settings, schedule, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    List<LocalDate> pass(String instant, boolean startup) {
        return scheduler.pass(Instant.parse(instant), startup, session -> {}).completed();
    }

    @Test
    void aNewInstallationProcessesYesterdayOnly() {
        assertEquals(days("2026-03-04"), pass("2026-03-05T02:30:00Z", false));
        assertTrue(out.toString().contains("2026-03-04: processing (nightly)"), out.toString());
        assertTrue(Files.exists(work.resolve("out/runs/2026-03-04.json")));
        assertFalse(Files.exists(work.resolve("out/runs/2026-03-03.json")), "no history before the first night");
    }

    @Test
    void missedNightsAreCaughtUpOldestFirstAndOlderOnesAreNamed() {
        // given: one night processed, then the machine was off for a while
        pass("2026-03-03T02:30:00Z", false);

        // when: it starts again on 2026-03-08 with a 3-day horizon (03-05 .. 03-07)
        List<LocalDate> done = pass("2026-03-08T02:30:00Z", true);

        // then
        assertEquals(days("2026-03-05", "2026-03-06", "2026-03-07"), done);
        assertTrue(out.toString().contains("2026-03-05: processing (catch-up)"), out.toString());
        assertTrue(
                err.toString()
                        .contains(
                                "WARNING: 2026-03-03 .. 2026-03-04 never completed and is older than "
                                        + "the 3-day catch-up horizon; process it by hand: peertel run --from 2026-03-03 --to 2026-03-04"),
                err.toString());
        assertFalse(Files.exists(work.resolve("out/runs/2026-03-04.json")));
    }

    @Test
    void aDayWhoseFilesChangedIsProcessedAgainAndThePassSaysWhy() throws IOException {
        // given
        pass("2026-03-07T02:30:00Z", false);
        pass("2026-03-07T02:30:00Z", false);
        assertFalse(out.toString().contains("late data"), "nothing changed: nothing to do");
        String before = Files.readString(work.resolve("out/runs/2026-03-06.json"));

        // when: a late row arrives for 2026-03-06 and a new file appears
        Path day = work.resolve("input/latency/2026-03-06");
        Files.writeString(
                day.resolve("iad1.csv"), "\n2026-03-06T12:00:00Z,192.0.2.130,CA,,iad1,33.5", StandardOpenOption.APPEND);
        Files.writeString(
                day.resolve("zzz-late.csv"),
                "timestamp,client_ip,country,state,edge_pop,rtt_ms\n"
                        + "2026-03-06T13:00:00Z,192.0.2.131,CA,,iad1,35\n");
        List<LocalDate> done = pass("2026-03-08T02:30:00Z", false);

        // then
        assertEquals(days("2026-03-06", "2026-03-07"), done);
        assertTrue(
                out.toString()
                        .contains("2026-03-06: processing (late data: added zzz-late.csv; replaced " + "iad1.csv)"),
                out.toString());
        String after = Files.readString(work.resolve("out/runs/2026-03-06.json"));
        assertEquals(rows(before) + 2, rows(after), "the two late rows are counted");
    }

    @Test
    void aDayWithoutItsInputFolderIsRetriedAtTheNextPass() throws IOException {
        Path folder = work.resolve("input/latency/2026-03-06");
        Files.move(folder, work.resolve("held-back"));
        assertEquals(List.of(), pass("2026-03-07T02:30:00Z", false));
        assertTrue(out.toString().contains("2026-03-06: waiting for " + folder), out.toString());

        Files.move(work.resolve("held-back"), folder);
        assertEquals(days("2026-03-06"), pass("2026-03-07T03:30:00Z", false));
    }

    @Test
    void aPassWhileAnotherRunHoldsTheLockSkipsAndSaysWho() {
        try (RunLock held = RunLock.acquire(work.resolve("out/t.duckdb"), "peertel run --date 2026-03-04")) {
            assertEquals(List.of(), pass("2026-03-05T02:30:00Z", false));
        }
        assertTrue(err.toString().contains("'peertel run --date 2026-03-04'"), err.toString());
        assertTrue(err.toString().contains("the next one retries"), err.toString());
        assertEquals(days("2026-03-04"), pass("2026-03-05T02:40:00Z", false));
    }

    static List<LocalDate> days(String... days) {
        return Stream.of(days).map(LocalDate::parse).toList();
    }

    static long rows(String json) {
        var m = java.util.regex.Pattern.compile("\"rows_read\": (\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }
}
