package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.store.DuckDbFile;

/**
 * The archive on a full file system (a small tmpfs, filled up): retentionStep fails naming the folder, deletes
 * nothing, the day's own outputs stay published, and once there is room the same command finishes the job.
 * Mounting needs root (CI runs as root); elsewhere the test is skipped.
 */
class FullArchiveDiskTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            command("umount", disk.toString());
        }
    }

    @Test
    void aFullArchiveFailsTheStepDeletesNothingAndTheNextRunFinishes() throws Exception {
        // given: the archive on a 64 KiB tmpfs that a filler file has filled
        disk = Files.createDirectories(work.resolve("archive-disk"));
        int mounted = command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString());
        if (mounted != 0) {
            disk = null;
            Assumptions.assumeTrue(
                    false, "cannot mount a tmpfs here (needs root, as in CI): the full-disk test is skipped");
        }
        Path filler = disk.resolve("filler");
        fill(filler);
        Path settings = Files.writeString(
                work.resolve("telemetry.properties"),
                "alerts = " + Files.writeString(work.resolve("alerts.properties"), "") + "\n"
                        + "retention.measurement-days = 2\narchive.dir = " + disk.resolve("archive") + "\n");
        Path out = work.resolve("out");
        Path db = work.resolve("t.duckdb");
        List<String> week = GoldenJobTest.runArguments(
                CASE, out, db, "--from", "2026-03-02", "--to", "2026-03-04", "--settings", settings.toString());

        // when
        PeertelCall full = PeertelCall.of(week);

        // then: the third day fails in its retention step, naming the folder; nothing was deleted
        assertEquals(1, full.code(), full::toString);
        assertThat(full.err())
                .contains("2026-03-04 failed")
                .contains("unable to archive measurements of 2026-03-02 to " + disk.resolve("archive"))
                .contains("No space left on device")
                .contains("nothing was deleted");
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM measurement_rows WHERE day = DATE '2026-03-02'"))
                .doesNotContain("0");
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM archived_days")).containsExactly("0");
        Map<String, String> expected = OutputTree.read(CASE.resolve("expected"));
        for (String file : List.of("alerts/2026-03-04.csv", "reports/acme/2026-03-04.csv", "runs/2026-03-04.json")) {
            assertEquals(expected.get(file), OutputTree.read(out).get(file), "published before the step: " + file);
        }

        // when: there is room again, and the same command runs
        Files.delete(filler);
        PeertelCall.succeeding(week);

        // then
        assertThat(DuckDbFile.rows(db, "SELECT DISTINCT day FROM measurement_rows ORDER BY day"))
                .containsExactly("2026-03-03", "2026-03-04");
        assertThat(DuckDbFile.rows(db, "SELECT DISTINCT day FROM archived_days"))
                .containsExactly("2026-03-02");
    }

    /** Writes to {@code file} until the file system refuses more. */
    private static void fill(Path file) {
        try (var stream = Files.newOutputStream(file)) {
            byte[] block = new byte[4096];
            while (true) {
                stream.write(block);
                stream.flush();
            }
        } catch (IOException full) {
            // No space left on device: what we wanted
        }
    }

    private static int command(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
