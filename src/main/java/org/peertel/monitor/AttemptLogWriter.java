package org.peertel.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;

/**
 * Appends an attempt to the attempt log, whole or not at all: the line (at most {@link AttemptLog#MAX_LINE_BYTES}
 * bytes) goes out in one {@code write} on a file opened with {@code O_APPEND}, so that lines of processes writing at
 * once never interleave, then it is forced to disk. No run lock is taken: a run refused because another one holds
 * the lock is recorded too. The file is opened for each line, so moving it away (log rotation) is safe.
 */
public final class AttemptLogWriter {

    private AttemptLogWriter() {}

    /** Appends {@code attempt} to {@code file}, creating the file and its folder when missing. */
    public static void append(Path file, Attempt attempt) throws IOException {
        String line = AttemptLog.line(attempt);
        if (!endsWithNewline(file)) {
            // a line cut short by a crash must not swallow this one: end it (readers skip it, and blank lines)
            line = "\n" + line;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(bytes);
            if (bytes.hasRemaining()) {
                throw new IOException("only " + bytes.position() + " of " + bytes.limit() + " bytes written");
            }
            channel.force(false);
        }
    }

    /** True for a missing or empty file, or one whose last byte ends a line. */
    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        } catch (NoSuchFileException e) {
            return true;
        }
    }
}
