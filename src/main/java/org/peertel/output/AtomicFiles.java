package org.peertel.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.peertel.CrashPoints;

/**
 * Makes output files appear whole or not at all: the content is written to a hidden temporary file in the same
 * folder, forced to disk, then renamed over the target. A reader never sees half a file, and a crash leaves at most
 * a stale {@code .name.tmp} that the next write replaces.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        write(target, writer -> writer.write(content));
    }

    /** Makes the rename itself durable (a power cut after it keeps the new file); best effort where unsupported. */
    private static void forceFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open or sync a folder; the file itself is already on disk
        }
    }

    /** Streams UTF-8 text into {@code target}, which appears (or is replaced) only once it is complete. */
    public static void write(Path target, Content content) {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = folder.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 Writer writer = new BufferedWriter(new OutputStreamWriter(
                         java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(writer);
                writer.flush();
                channel.force(true);
            }
            CrashPoints.reach("atomic-file-before-rename");
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write output file " + target + ": " + e.getMessage(), e);
        }
    }
}
