package org.peertel.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.TestFolders;
import org.peertel.config.InputSettings;
import org.peertel.config.JobSettings;
import org.peertel.delivery.DeliverySettings;
import org.peertel.job.RunReason;
import org.peertel.launch.RunLock;
import org.peertel.routing.BgpSettings;

/** Passes of the nightly schedule at chosen instants, on a copy of the golden week's input. */
class NightlySchedulerTest {

    static final Path WEEK = Path.of("src/test/resources/golden/week/input");

    @TempDir
    Path work;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    NightlyScheduler scheduler;
    JobSettings settings;
    ScheduleSettings schedule;

    @BeforeEach
    void copyTheInput() throws IOException {
        TestFolders.copyTree(WEEK, work.resolve("input"));
        settings = new JobSettings(
                work.resolve("input/connections.csv"),
                work.resolve("input/latency"),
                work.resolve("out"),
                work.resolve("out/t.duckdb"),
                null,
                10_000,
                "");
        schedule = ScheduleSettings.defaults().withHorizon("3", IllegalArgumentException::new);
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
    void withBgpOnAChangedBgpFolderIsLateDataLikeAChangedLatencyFolder() throws IOException {
        // given: BGP on, with no folder for 2026-03-06 when its night ran
        Path bgp = Files.createDirectories(work.resolve("bgp"));
        scheduler = new NightlyScheduler(
                settings,
                schedule,
                DeliverySettings.off(),
                BgpSettings.OFF.withFolder(bgp),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        pass("2026-03-07T02:30:00Z", false);
        assertTrue(Files.readString(work.resolve("out/runs/2026-03-06.json"))
                .contains("\"bgp\": {\"status\": \"missing\"}"));

        // when: the day's BGP files arrive (an empty update dump is a valid one), then one of them is replaced
        Path day = Files.createDirectories(bgp.resolve("2026-03-06"));
        Files.write(day.resolve("updates.0000"), new byte[0]);
        List<LocalDate> added = pass("2026-03-08T02:30:00Z", false);
        Files.write(day.resolve("updates.0000"), new byte[] {1});
        List<LocalDate> replaced = pass("2026-03-08T03:30:00Z", false);

        // then
        assertEquals(days("2026-03-06", "2026-03-07"), added);
        assertTrue(
                out.toString().contains("2026-03-06: processing (late data: added bgp/updates.0000)"), out.toString());
        assertEquals(days("2026-03-06"), replaced);
        assertTrue(
                out.toString().contains("2026-03-06: processing (late data: replaced bgp/updates.0000)"),
                out.toString());
        assertEquals(
                "file,offset,reason\nupdates.0000,0,truncated_header\n",
                Files.readString(work.resolve("out/bgp-rejects/2026-03-06.csv")));
    }

    @Test
    void aDayWhoseLateDataRunFailedIsNotDoneUntilARunCompletes() throws IOException {
        // given: 03-06 completed, then a corrupt late file made its re-run fail
        pass("2026-03-07T02:30:00Z", false);
        Path broken = work.resolve("input/latency/2026-03-06/zz-broken.csv.gz");
        // the gzip signature, then bytes that are no deflate stream
        Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, -1, -1});
        NightlyScheduler.Pass failing = scheduler.pass(Instant.parse("2026-03-08T02:30:00Z"), false, session -> {});
        assertEquals(days("2026-03-07"), failing.completed());
        assertEquals(days("2026-03-06"), failing.failed());

        // when: the feed takes the broken file back, so the folder is again what the completed run read
        Files.delete(broken);
        List<LocalDate> done = pass("2026-03-08T03:30:00Z", false);

        // then: the day's newest attempt failed, so it is not done: the pass restarts it
        assertEquals(days("2026-03-06"), done, out.toString());
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
    void aRetryRunsTheWaitingDaysThatBecameReadyAndLooksAtNothingElse() throws IOException {
        // given: 03-05 processed; at the next night's pass 03-06 has no folder yet
        pass("2026-03-06T02:30:00Z", false);
        Path folder = work.resolve("input/latency/2026-03-06");
        Files.move(folder, work.resolve("held-back"));
        NightlyScheduler.Pass night = scheduler.pass(Instant.parse("2026-03-07T02:30:00Z"), false, session -> {});
        assertEquals(List.of(), night.completed());
        assertEquals(List.of(new DueDay(LocalDate.parse("2026-03-06"), RunReason.NIGHTLY, "")), night.waiting());

        // when: a retry before the folder is there, then one after; meanwhile a late file came for 03-05
        NightlyScheduler.Pass stillWaiting = scheduler.retry(night.waiting(), session -> {});
        Files.move(work.resolve("held-back"), folder);
        Files.writeString(
                work.resolve("input/latency/2026-03-05/zzz-late.csv"),
                "timestamp,client_ip,country,state,edge_pop,rtt_ms\n2026-03-05T13:00:00Z,192.0.2.131,CA,,iad1,35\n");
        NightlyScheduler.Pass retry = scheduler.retry(stillWaiting.waiting(), session -> {});

        // then: the retry ran the waiting day alone; the late file is for the next pass, which hashes the files
        assertEquals(night.waiting(), stillWaiting.waiting());
        assertEquals(days("2026-03-06"), retry.completed());
        assertEquals(List.of(), retry.waiting());
        assertEquals(
                2,
                out.toString().split("2026-03-06: waiting for " + folder + " \\(nightly\\)", -1).length - 1,
                out.toString());
        assertTrue(out.toString().contains("2026-03-06: processing (nightly)"), out.toString());
        assertFalse(out.toString().contains("late data"), out.toString());
        assertEquals(days("2026-03-05"), pass("2026-03-07T03:00:00Z", false), "the next pass finds the late file");
    }

    @Test
    void withAReadyMarkerADayAndItsLateDataWaitForIt() throws IOException {
        // given: input.ready-file = _SUCCESS; 03-06 is complete and marked, then its folder is copied again
        scheduler = new NightlyScheduler(
                settings.withDayInput(new InputSettings("_SUCCESS", false)),
                schedule,
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        Path folder = work.resolve("input/latency/2026-03-06");
        assertEquals(List.of(), pass("2026-03-07T02:30:00Z", false));
        assertTrue(
                out.toString()
                        .contains("2026-03-06: waiting for " + folder.resolve("_SUCCESS")
                                + ", the ready marker (input.ready-file) (nightly)"),
                out.toString());
        Files.writeString(folder.resolve("_SUCCESS"), "");
        assertEquals(days("2026-03-06"), pass("2026-03-07T02:45:00Z", false));

        // when: the feed starts copying the folder again (marker removed first, a file replaced)
        Files.delete(folder.resolve("_SUCCESS"));
        Files.writeString(
                folder.resolve("iad1.csv"),
                "\n2026-03-06T12:00:00Z,192.0.2.130,CA,,iad1,33.5",
                StandardOpenOption.APPEND);
        NightlyScheduler.Pass copying = scheduler.pass(Instant.parse("2026-03-08T02:30:00Z"), false, session -> {});
        Files.writeString(folder.resolve("_SUCCESS"), "");
        NightlyScheduler.Pass retry = scheduler.retry(copying.waiting(), session -> {});

        // then: the late data was not read half-copied, and is once marked (03-07, never marked, still waits)
        assertEquals(
                List.of(
                        new DueDay(LocalDate.parse("2026-03-06"), RunReason.LATE_DATA, "replaced iad1.csv"),
                        new DueDay(LocalDate.parse("2026-03-07"), RunReason.NIGHTLY, "")),
                copying.waiting());
        assertEquals(List.of(), copying.completed());
        assertEquals(days("2026-03-06"), retry.completed());
        assertTrue(out.toString().contains("2026-03-06: processing (late data: replaced iad1.csv)"), out.toString());
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
