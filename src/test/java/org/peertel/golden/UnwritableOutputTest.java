package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;

/**
 * An output folder that cannot be written stops the run with one message naming the path and what to do:
 * exit 2 before anything is written when the check before the run sees it (a file in the way, a read-only file
 * system), exit 1 when it shows only while writing (a full disk). Either way the outputs already there keep
 * their bytes. Read-only and full file systems are real tmpfs mounts (root only; skipped elsewhere), because
 * chmod does not stop root.
 */
class UnwritableOutputTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final String DAY1 = "2026-03-02";
    static final String DAY2 = "2026-03-03";

    @TempDir
    Path work;

    @Test
    void aFileWhereTheOutputFolderGoesStopsTheRunBeforeAnything() throws IOException {
        // given
        Path out = work.resolve("out");
        Files.writeString(out, "not a folder");

        // when
        PeertelCall result = run(out, "--date", DAY1);

        // then
        assertEquals(2, result.code());
        assertTrue(
                result.err()
                        .contains("peertel: the output folder cannot be written: " + out
                                + " is a file where peertel needs a folder; move the file away or choose another --out (nothing "
                                + "was written)"),
                result.err());
        assertNothingCreatedBesides(out);
    }

    @Test
    void aFileAboveTheOutputFolderStopsTheRunBeforeAnything() throws IOException {
        Path blocker = work.resolve("data");
        Files.writeString(blocker, "not a folder");
        Path out = blocker.resolve("peertel/out");

        PeertelCall result = run(out, "--date", DAY1);

        assertEquals(2, result.code());
        assertTrue(
                result.err()
                        .contains(blocker.toAbsolutePath() + " is a file, so the output folder " + out
                                + " cannot be created in it"),
                result.err());
        assertNothingCreatedBesides(blocker);
    }

    @Test
    void aFileWhereReportsGoesStopsTheRunBeforeAnything() throws IOException {
        Path out = work.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("reports"), "not a folder");

        PeertelCall result = run(out, "--date", DAY1);

        assertEquals(2, result.code());
        assertTrue(
                result.err().contains(out.resolve("reports") + " is a file where peertel needs a folder"),
                result.err());
        assertEquals(Map.of("reports", "not a folder"), files(out), "nothing written");
        assertNothingCreatedBesides(out);
    }

    @Test
    void aFileWhereACustomersFolderGoesStopsTheRunAndKeepsThePreviousOutputs() throws IOException {
        // given: a day processed, then a file where one customer's folder was
        Path out = work.resolve("out");
        assertEquals(0, run(out, "--date", DAY1).code());
        Path globex = out.resolve("reports/globex");
        try (Stream<Path> reports = Files.list(globex)) {
            for (Path report : reports.toList()) {
                Files.delete(report);
            }
        }
        Files.delete(globex);
        Files.writeString(globex, "not a folder");
        Map<String, String> before = files(out);

        // when: the next day, and the same day again
        PeertelCall next = run(out, "--date", DAY2);
        PeertelCall again = run(out, "--date", DAY1);

        // then
        for (PeertelCall result : List.of(next, again)) {
            assertEquals(2, result.code());
            assertTrue(result.err().contains(globex + " is a file where peertel needs a folder"), result.err());
        }
        assertEquals(before, files(out), "every file as it was");
    }

    @Test
    void aReadOnlyFileSystemStopsTheRunBeforeAnythingAndKeepsThePreviousOutputs() throws IOException {
        Path out = work.resolve("out");
        try (Tmpfs tmpfs = Tmpfs.mount(out, "4m")) {
            // given
            assertEquals(0, run(out, "--date", DAY1).code());
            Map<String, String> before = files(out);
            tmpfs.remountReadOnly();

            // when
            PeertelCall result = run(out, "--date", DAY2);

            // then
            assertEquals(2, result.code());
            assertTrue(
                    result.err()
                            .contains(
                                    "the output folder cannot be written: no write access to " + out
                                            + " (read-only file system or no permission); make it writable or choose another --out"),
                    result.err());
            assertEquals(before, files(out));
        }
    }

    @Test
    void aFullDiskFailsTheDayWithExitOneAndKeepsThePreviousOutputs() throws IOException {
        Path out = work.resolve("out");
        try (Tmpfs tmpfs = Tmpfs.mount(out, "1m")) {
            // given: a day processed, then the file system filled up
            assertEquals(0, run(out, "--date", DAY1).code());
            Map<String, String> before = files(out);
            tmpfs.fill(out.resolve("filler"));
            before.put("filler", files(out).get("filler"));

            // when
            PeertelCall result = run(out, "--date", DAY2);

            // then: the day fails where it first writes, and says what to do
            assertEquals(1, result.code(), result.err());
            assertTrue(
                    result.err()
                            .contains("peertel: " + DAY2 + " failed (FAILED): cannot write output file "
                                    + out.resolve("alerts/" + DAY2 + ".csv")
                                    + ": the file system is full (No space left on "
                                    + "device); free space on it or choose another --out"),
                    result.err());
            assertTrue(result.err().contains("run the same command again"), result.err());
            assertEquals(
                    before,
                    files(out),
                    "the previous day's files keep their bytes; no part-written or " + "temporary file is left");

            // when: there is space again, the same command completes the day
            Files.delete(out.resolve("filler"));
            assertEquals(0, run(out, "--date", DAY2).code());
            assertTrue(Files.isRegularFile(out.resolve("runs/" + DAY2 + ".json")));
        }
    }

    private PeertelCall run(Path out, String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--connections",
                CASE.resolve("input/connections.csv").toString(),
                "--input",
                CASE.resolve("input/latency").toString(),
                "--out",
                out.toString(),
                "--db",
                work.resolve("db/t.duckdb").toString()));
        args.addAll(List.of(days));
        return PeertelCall.of(args);
    }

    /** Every file under {@code root} (hidden ones included) by relative path, with its content. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    /**
     * The run stopped before it opened the database: the work folder holds only what the test put there, and the
     * attempt log beside the database, whose one line records the refused run.
     */
    private void assertNothingCreatedBesides(Path expected) throws IOException {
        try (Stream<Path> list = Files.list(work)) {
            assertEquals(
                    Stream.of(expected, work.resolve("db")).sorted().toList(),
                    list.sorted().toList());
        }
        try (Stream<Path> list = Files.list(work.resolve("db"))) {
            assertEquals(
                    List.of(work.resolve("db/t.duckdb.attempts.jsonl")),
                    list.toList(),
                    "no database, no job " + "repository");
        }
        List<Attempt> attempts =
                AttemptLog.read(work.resolve("db/t.duckdb.attempts.jsonl")).attempts();
        assertEquals(1, attempts.size());
        assertEquals(2, attempts.get(0).exitCode());
        assertTrue(attempts.get(0).reason().startsWith("the output folder cannot be written: "), attempts.toString());
    }
}
