package org.peertel.golden;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a test folder: a real file system that can be made read-only or full, which chmod
 * cannot simulate for root. Needs root (CAP_SYS_ADMIN); elsewhere the test is skipped with the reason.
 */
final class Tmpfs implements AutoCloseable {

    private final Path folder;

    private Tmpfs(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code size} (mount's syntax, e.g. "1m") on {@code folder}, creating the folder. */
    static Tmpfs mount(Path folder, String size) throws IOException {
        Files.createDirectories(folder);
        String failure = command("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
        Assumptions.assumeTrue(
                failure == null,
                () -> "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN), "
                        + "so this file-system test is skipped: " + failure);
        return new Tmpfs(folder);
    }

    void remountReadOnly() {
        String failure = command("mount", "-o", "remount,ro", folder.toString());
        if (failure != null) {
            throw new IllegalStateException("cannot remount " + folder + " read-only: " + failure);
        }
    }

    /** Writes zeros into {@code file} until the file system is full; what fitted stays. */
    void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream stream = Files.newOutputStream(file)) {
            while (true) {
                stream.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    @Override
    public void close() {
        String failure = command("umount", folder.toString());
        if (failure != null) {
            throw new IllegalStateException("cannot unmount " + folder + ": " + failure);
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return process.exitValue() == 0
                    ? null
                    : String.join(" ", command) + ": exit " + process.exitValue()
                            + (output.isEmpty() ? "" : ": " + output);
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }
}
