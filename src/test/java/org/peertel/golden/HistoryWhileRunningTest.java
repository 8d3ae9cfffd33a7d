package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * {@code history} (and {@code status}) while a run in another process is in the middle of its day, on the default H2 job repository
 * (a file one process opens at a time): it reads through the running process and shows the day running; a second
 * run, refused by the run lock, is listed with its reason; the running process serves its repository on the loopback
 * interface only, behind a key only its owner can read; once the run is dead, history opens the file itself.
 */
class HistoryWhileRunningTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    private Process child;

    @AfterEach
    void stopTheChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @Test
    void historyReadsThroughARunInAnotherProcessAndListsTheRunItRefused() throws Exception {
        // given: a child JVM in the middle of 2026-03-02 (paused after its first chunk, holding the run lock)
        child = startPausedRun("2026-03-02");

        // when
        PeertelCall during = peertel("history", "--db", db());

        // then: the day shows running, in the running process's own words
        assertThat(during.code()).as(during.err()).isZero();
        assertThat(rows(during))
                .containsExactly(List.of(
                        "2026-03-02",
                        "1",
                        "STARTED",
                        "START",
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        "manual",
                        "running now (pid " + child.pid() + " on " + host() + ")"));

        // when: status, in another process, at an instant when the running day is yesterday
        ChildJvm.Finished status = ChildJvm.peertel(
                work,
                List.of("-D" + TestHooks.NOW + "=2026-03-03T09:00:00Z"),
                List.of(
                        "status",
                        "--input",
                        CASE.resolve("input/latency").toAbsolutePath().toString(),
                        "--out",
                        work.resolve("out").toString(),
                        "--db",
                        db()));

        // then: it read the repository through the run, and the day being worked on is not missing
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.lines().get(0))
                .isEqualTo("PEERTEL OK - no day completed yet, nothing missing, a run is working");
        assertThat(status.lines()).anyMatch(line -> line.startsWith("running now:        pid " + child.pid()));

        // when: a second run on the same database, then history again
        PeertelCall refused = peertel(runArguments("2026-03-03").toArray(String[]::new));
        PeertelCall after = peertel("history", "--db", db());

        // then: the refused run exits 2 naming the holder, and history lists it with that reason
        assertThat(refused.code()).isEqualTo(2);
        assertThat(rows(after)).hasSize(2);
        assertThat(rows(after).get(1).subList(0, 3)).containsExactly("2026-03-03", "-", "not started");
        assertThat(rows(after).get(1).get(10))
                .startsWith("another peertel run is working on " + work.resolve("t.duckdb") + ": pid " + child.pid())
                .endsWith("(exit 2)");

        // and: the repository is served to this machine only, behind a key its owner alone can read
        Path published = work.resolve("t.duckdb.lock.server");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(published)))
                .isEqualTo("rw-------");
        String url = Files.readString(published).strip();
        assertThat(url).matches("jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}");
        int port = Integer.parseInt(url.replaceAll("^jdbc:h2:tcp://127\\.0\\.0\\.1:(\\d+)/.*$", "$1"));
        for (InetAddress address : otherAddressesOfThisMachine()) {
            assertThat(refusesConnections(address, port))
                    .as("port %d refuses connections on %s", port, address)
                    .isTrue();
        }

        // when: the run dies (SIGKILL, no clean-up), then history
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        PeertelCall dead = peertel("history", "--db", db());

        // then: history opens the file itself and says the execution's process is gone
        assertThat(dead.code()).as(dead.err()).isZero();
        assertThat(rows(dead).get(0).subList(0, 3)).containsExactly("2026-03-02", "1", "STARTED");
        assertThat(rows(dead).get(0).get(10))
                .isEqualTo("not running: its process died; the next run of the day marks it FAILED and restarts it");
    }

    private Process startPausedRun(String day) throws IOException {
        Files.writeString(
                work.resolve("telemetry.properties"),
                "chunk-size = 50\nalerts = "
                        + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                TestHooks.pauseAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 120_000),
                PeertelMain.class.getName()));
        command.addAll(runArguments(day));
        command.addAll(
                List.of("--settings", work.resolve("telemetry.properties").toString()));
        Process process = new ProcessBuilder(SampleBgpOff.command(command))
                .redirectError(work.resolve("child.err").toFile())
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(TestHooks.PAUSE_MARKER)) {
            // wait until the child holds the lock and is working
        }
        assertThat(line)
                .as("the child reached its pause; stderr: %s", work.resolve("child.err"))
                .isNotNull();
        return process;
    }

    private List<String> runArguments(String day) {
        return List.of(
                "run",
                "--date",
                day,
                "--connections",
                CASE.resolve("input/connections.csv").toAbsolutePath().toString(),
                "--input",
                CASE.resolve("input/latency").toAbsolutePath().toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                db());
    }

    private String db() {
        return work.resolve("t.duckdb").toString();
    }

    /** The host name as the run lock writes it. */
    private static String host() throws IOException {
        return InetAddress.getLocalHost().getHostName();
    }

    private static PeertelCall peertel(String... args) {
        return PeertelCall.of(args);
    }

    /** The rows of a history table, without its header (cells as HistoryAndSummaryTest reads them). */
    private static List<List<String>> rows(PeertelCall history) {
        List<List<String>> cells = HistoryAndSummaryTest.cells(history.out());
        return cells.subList(1, cells.size());
    }

    /** The addresses of this machine's interfaces other than loopback (none on a machine without a network). */
    private static List<InetAddress> otherAddressesOfThisMachine() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        addresses.add(address);
                    }
                }
            }
        }
        return addresses;
    }

    private static boolean refusesConnections(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return false;
        } catch (ConnectException | SocketTimeoutException refused) {
            return true;
        }
    }
}
