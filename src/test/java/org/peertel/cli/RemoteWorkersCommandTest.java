package org.peertel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;

/**
 * {@code run --workers remote} and {@code peertel worker} refuse what cannot work before anything is written: a job
 * repository of one process (the H2 file), a broker nobody answers at, a missing settings file, an unknown
 * {@code --workers}. Exit code 2, one message naming the setting, where it is set and the fix. No broker and no
 * PostgreSQL server are needed: each case fails at the check it is about, before any connection to the job
 * repository.
 */
class RemoteWorkersCommandTest {

    private static final String DAY = "2026-11-16";

    @TempDir
    Path work;

    private Path out;
    private Path db;
    private Path shared;

    record Result(int code, String out, String err) {}

    static Result peertel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void folders() throws IOException {
        out = work.resolve("out");
        db = work.resolve("db").resolve("x.duckdb");
        shared = Files.createDirectories(work.resolve("shared"));
    }

    /** A settings file of the shipped alert rules and {@code lines}. */
    private Path settings(String... lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add("alerts = " + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath());
        all.addAll(List.of(lines));
        Path file = work.resolve("telemetry.properties");
        Files.write(file, all);
        return file;
    }

    /** A port on 127.0.0.1 that nothing listens on: opened by the test, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private Result runRemote(Path settings) {
        return peertel(
                "run",
                "--date",
                DAY,
                "--workers",
                "remote",
                "--settings",
                settings.toString(),
                "--out",
                out.toString(),
                "--db",
                db.toString());
    }

    /** Nothing was written but the attempt's line beside the database: not started, exit code 2. */
    private void nothingWritten(String reason) throws IOException {
        assertThat(out).as("no output folder").doesNotExist();
        assertThat(db).as("no database").doesNotExist();
        assertThat(shared).as("nothing in the shared folder").isEmptyDirectory();
        List<Attempt> attempts = AttemptLog.read(AttemptLog.fileOf(db)).attempts();
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).outcome()).isEqualTo(Attempt.Outcome.NOT_STARTED);
        assertThat(attempts.get(0).exitCode()).isEqualTo(2);
        assertThat(attempts.get(0).reason()).contains(reason);
    }

    @Test
    void theH2JobRepositoryIsRefused() throws IOException {
        // given: broker and shared folder set, the job repository left at its default (the H2 file)
        Path settings = settings("broker.url = tcp://127.0.0.1:" + closedPort(), "shared.dir = " + shared);

        // when
        Result result = runRemote(settings);

        // then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("peertel: remote workers need a job repository every machine reaches: set "
                        + "job-repository.url to a PostgreSQL database (e.g. jdbc:postgresql://db:5432/peertel) in the "
                        + "settings file, or PEERTEL_JOB_REPOSITORY_URL; the H2 file beside the DuckDB file is one "
                        + "process's own");
        assertThat(result.out()).isEmpty();
        nothingWritten("job-repository.url");
    }

    @Test
    void anH2UrlIsRefusedToo() throws IOException {
        Path settings = settings(
                "job-repository.url = jdbc:h2:file:" + work.resolve("repository"),
                "broker.url = tcp://127.0.0.1:" + closedPort(),
                "shared.dir = " + shared);

        Result result = runRemote(settings);

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("set job-repository.url to a PostgreSQL database")
                .contains("; jdbc:h2:file:" + work.resolve("repository") + " is one process's own");
        nothingWritten("job-repository.url");
    }

    @Test
    void aBrokerNobodyAnswersAtIsRefusedNamingItsLine() throws IOException {
        // given: a PostgreSQL repository nobody answers at either, which is never reached: the broker is checked first
        int port = closedPort();
        Path settings = settings(
                "job-repository.url = jdbc:postgresql://127.0.0.1:1/peertel",
                "broker.url = tcp://127.0.0.1:" + port,
                "shared.dir = " + shared);

        // when
        Result result = runRemote(settings);

        // then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("peertel: the broker tcp://127.0.0.1:" + port + " (broker.url, " + settings
                        + ":3) cannot be reached: ")
                .contains("; start it, or fix the URL")
                .doesNotContain("postgresql");
        assertThat(result.out()).isEmpty();
        nothingWritten("tcp://127.0.0.1:" + port);
    }

    @Test
    void aMissingSharedFolderIsRefusedBeforeTheBrokerIsTried() throws IOException {
        Path settings = settings(
                "job-repository.url = jdbc:postgresql://127.0.0.1:1/peertel",
                "broker.url = tcp://127.0.0.1:" + closedPort(),
                "shared.dir = " + work.resolve("no-such-folder"));

        Result result = runRemote(settings);

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains(settings + ":4: shared.dir = '" + work.resolve("no-such-folder") + "': no such folder");
        nothingWritten("shared.dir");
    }

    @Test
    void anUnknownWorkersValueIsBadUsage() {
        Result result =
                peertel("run", "--date", DAY, "--workers", "elsewhere", "--out", out.toString(), "--db", db.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("Invalid value for option '--workers': expected one of [local, remote] (case-sensitive) "
                        + "but was 'elsewhere'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aWorkerWithoutItsSettingsFileIsRefused() {
        Path missing = work.resolve("missing.properties");

        Result result = peertel("worker", "--settings", missing.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("peertel: --settings " + missing + ": no such file; a worker needs the settings file of its "
                        + "managers (job repository, broker.url, shared.dir)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aWorkerWithTheH2JobRepositoryIsRefused() throws IOException {
        Path settings = settings("broker.url = tcp://127.0.0.1:" + closedPort(), "shared.dir = " + shared);

        Result result = peertel("worker", "--settings", settings.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("peertel: remote workers need a job repository every machine reaches");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aWorkerWithABrokerNobodyAnswersAtIsRefused() throws IOException {
        int port = closedPort();
        Path settings = settings(
                "job-repository.url = jdbc:postgresql://127.0.0.1:1/peertel",
                "shared.dir = " + shared,
                "broker.url = tcp://127.0.0.1:" + port);

        Result result = peertel("worker", "--settings", settings.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("peertel: the broker tcp://127.0.0.1:" + port + " (broker.url, " + settings
                        + ":4) cannot be reached: ");
        assertThat(result.out()).as("no 'taking partitions' line").isEmpty();
        assertThat(shared).isEmptyDirectory();
    }
}
