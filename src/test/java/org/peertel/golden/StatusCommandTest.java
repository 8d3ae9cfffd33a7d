package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.TestFolders;
import org.peertel.testhook.TestHooks;

/**
 * {@code peertel status} through the real command line in a child JVM whose clock starts at a chosen instant
 * ({@value TestHooks#NOW}), on a copy of the golden week's input after real runs: each exit code of the
 * monitoring-plugin convention, with its summary line.
 */
class StatusCommandTest {

    static final Path WEEK = GoldenJobTest.CASES.resolve("week/input");

    @TempDir
    Path work;

    @BeforeEach
    void copyTheInput() throws Exception {
        TestFolders.copyTree(WEEK, work.resolve("input"));
    }

    @Test
    void okWhenEveryDayDueIsDone() throws Exception {
        // given
        assertThat(run("2026-03-02")).isZero();

        // when: the next morning, before the tick of 2026-03-03
        ChildJvm.Finished status = status("2026-03-03T09:00:00Z");

        // then
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.lines().get(0)).isEqualTo("PEERTEL OK - last completed day 2026-03-02, nothing missing");
        assertThat(status.lines()).contains("missing days:       none", "late data pending:  none");
        assertThat(status.lines().get(2))
                .startsWith("last attempt:       ")
                .contains("run for 2026-03-02, completed (exit 0)");
    }

    @Test
    void warningWithinTheGraceTimeAndForLateDataThenCriticalPastIt() throws Exception {
        // given: 2026-03-02 done; 2026-03-03 never run; a late file for 2026-03-02
        assertThat(run("2026-03-02")).isZero();
        Files.writeString(
                work.resolve("input/latency/2026-03-02/zzz-late.csv"),
                "timestamp,client_ip,country,state,edge_pop,rtt_ms\n2026-03-02T13:00:00Z,192.0.2.131,CA,,iad1,35\n");

        // when: 30 minutes after 2026-03-03's tick, then past its grace time
        ChildJvm.Finished within = status("2026-03-04T03:00:00Z");
        ChildJvm.Finished past = status("2026-03-04T05:31:00Z");

        // then
        assertThat(within.code()).as(within.toString()).isEqualTo(1);
        assertThat(within.lines().get(0))
                .isEqualTo("PEERTEL WARNING - 2026-03-03 not done, missing at 2026-03-04 05:30 UTC; "
                        + "2026-03-02 late data pending");
        assertThat(within.lines()).contains("late data pending:  2026-03-02 (added zzz-late.csv)");
        assertThat(past.code()).as(past.toString()).isEqualTo(2);
        assertThat(past.lines().get(0)).isEqualTo("PEERTEL CRITICAL - 2026-03-03 missing since 2026-03-04 05:30 UTC");
    }

    @Test
    void criticalWhenTheLastAttemptFailed() throws Exception {
        // given: 2026-03-02 done, then 2026-03-03 failed on a corrupt file
        assertThat(run("2026-03-02")).isZero();
        // the gzip signature, then bytes that are no deflate stream
        Files.write(
                work.resolve("input/latency/2026-03-03/zz-broken.csv.gz"),
                new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, -1, -1});
        assertThat(run("2026-03-03")).isEqualTo(1);

        // when: before 2026-03-03's grace time ends, so the failure alone makes it critical
        ChildJvm.Finished status = status("2026-03-04T03:00:00Z");

        // then
        assertThat(status.code()).as(status.toString()).isEqualTo(2);
        assertThat(status.lines().get(0))
                .startsWith("PEERTEL CRITICAL - the last attempt failed (run, exit 1, ")
                .contains("bad input file");
        assertThat(status.lines())
                .anyMatch(line ->
                        line.startsWith("waiting days:       2026-03-03 (its last run: attributeStep: bad input file"));
    }

    @Test
    void unknownForBadSettingsAndBadUsage() throws Exception {
        // given
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(settings, "status.grace-minutes = three hours\n");

        // when
        ChildJvm.Finished badSettings = status("2026-03-04T03:00:00Z", "--settings", settings.toString());
        ChildJvm.Finished badUsage = status("2026-03-04T03:00:00Z", "--no-such-option");

        // then
        assertThat(badSettings.code()).as(badSettings.toString()).isEqualTo(3);
        assertThat(badSettings.lines().get(0))
                .isEqualTo("PEERTEL UNKNOWN - " + settings + ":1: status.grace-minutes = 'three hours': expected a "
                        + "whole number of minutes from 0 to 10080 (a week), e.g. 180");
        assertThat(badUsage.code()).as(badUsage.toString()).isEqualTo(3);
        assertThat(badUsage.err()).contains("Unknown option: '--no-such-option'");
    }

    /** {@code peertel run --date day} in this JVM, on the copied input; its exit code. */
    private int run(String day) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("run", "--date", day));
        args.addAll(paths());
        return SampleBgpOff.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    }

    /** {@code peertel status} in a child JVM whose clock starts at {@code now}. */
    private ChildJvm.Finished status(String now, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("status"));
        args.addAll(paths());
        args.addAll(List.of(more));
        return ChildJvm.peertel(work, List.of("-D" + TestHooks.NOW + "=" + now), args);
    }

    private List<String> paths() {
        return List.of(
                "--connections",
                work.resolve("input/connections.csv").toString(),
                "--input",
                work.resolve("input/latency").toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("out/t.duckdb").toString());
    }
}
