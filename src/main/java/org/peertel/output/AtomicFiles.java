package org.peertel.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.peertel.testhook.CrashPoint;

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

    private AtomicFiles() {}

    public static void writeString(Path target, String content) {
        write(target, writer -> writer.write(content));
    }

    /**
     * As {@link #writeString}, for a file that several processes may write at the same moment (the metrics file):
     * each writes its own temporary file, {@code .name.<pid>.tmp}, and the last rename wins.
     */
    public static void writeStringShared(Path target, String content) {
        write(
                target,
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp",
                writer -> writer.write(content));
    }

    /**
     * Puts a file that another writer made under a temporary name in the same folder (DuckDB's COPY, say) into
     * place: syncs it to disk, renames it over {@code target} in one step, and syncs the folder.
     */
    public static void publish(Path temporary, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceFolder(target.toAbsolutePath().getParent());
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
        write(target, "." + target.getFileName() + ".tmp", content);
    }

    private static void write(Path target, String temporaryName, Content content) {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = folder.resolve(temporaryName);
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(
                            temporary,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE);
                    Writer writer = new BufferedWriter(
                            new OutputStreamWriter(
                                    java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                            1 << 16)) {
                content.writeTo(writer);
                writer.flush();
                channel.force(true);
            }
            CrashPoint.ATOMIC_FILE_BEFORE_RENAME.reach();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
        } catch (IOException e) {
            deleteQuietly(temporary); // the old file stays as it was; a full disk gets its space back
            throw new UncheckedIOException("cannot write output file " + target + ": " + whatToDo(e), e);
        }
    }

    /** Why a write failed and what the operator can do about it, for the one line the run ends with. */
    static String whatToDo(IOException e) {
        // a failed write() is a plain IOException whose message is the system's reason
        String reason = String.valueOf(e instanceof FileSystemException f ? f.getReason() : e.getMessage());
        String elsewhere = " or choose another --out";
        if (reason.contains("No space left")) {
            return "the file system is full (" + reason + "); free space on it" + elsewhere;
        }
        if (reason.contains("Read-only file system")) {
            return "the file system is read-only; mount it read-write" + elsewhere;
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile() + "; let the user running peertel write there"
                    + elsewhere;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return ((FileSystemException) e).getFile() + " is a file where a folder is needed; move it away"
                    + elsewhere;
        }
        if (e instanceof DirectoryNotEmptyException || reason.contains("Is a directory")) {
            return "a folder is in the way of the file; move it away" + elsewhere;
        }
        return e + "; fix the cause" + elsewhere;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale hidden .tmp is harmless: the next write of the file replaces it
        }
    }
}
