package org.peertel.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.peertel.config.ConfigurationException;

/**
 * Keeps two runs from working on one DuckDB file at once, in one process or across processes: an operating-system
 * lock on {@code <db>.lock}, which dies with its holder (no stale lock after a crash). The file's text names the
 * holder, so that the second run can say who is in the way.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a database: {@code out/peertel.duckdb} → {@code out/peertel.duckdb.lock}. */
    public static Path fileOf(Path db) {
        return db.toAbsolutePath().resolveSibling(db.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code db} for {@code command}.
     *
     * @throws ConfigurationException naming the holder when another run has it (exit code 2)
     */
    public static RunLock acquire(Path db, String command) {
        Path file = fileOf(db);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new ConfigurationException("another peertel run is working on " + db + ": "
                        + (holder.isEmpty() ? "holder unknown" : holder) + "; wait for it to finish (or stop it), "
                        + "then run this command again");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holderText(command).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigurationException("unable to take the run lock " + file + ": " + e.getMessage()
                    + "; check that the folder of --db is writable");
        }
    }

    private static String holderText(String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", '" + command + "', since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
