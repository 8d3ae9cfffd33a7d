package org.peertel.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.peertel.config.ConfigurationException;

/**
 * Keeps two runs from working on one DuckDB file at once, in one process or across processes: an operating-system
 * lock on {@code <db>.lock}, which dies with its holder (no stale lock after a crash). The file's text names the
 * holder, so that the second run can say who is in the way.
 *
 * <p>A read-only command (history) takes the lock only when it is free, for the second or so it reads the H2 job
 * repository file itself, and marks its holder text read-only; a run that finds such a holder waits for it (up to
 * {@link #WAIT_FOR_READERS}) instead of giving up. While a run holds the lock, read-only commands read through it
 * ({@link RepositoryServer}) and take no lock.
 */
public final class RunLock implements AutoCloseable {

    /** How long a run waits for a read-only command that holds the lock before it exits 2 naming it. */
    static final Duration WAIT_FOR_READERS = Duration.ofSeconds(60);

    private static final String READ_ONLY = ", read-only";

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
     * Takes the lock of {@code db} for {@code command}, which will write. A read-only command holding it is waited
     * for, up to {@link #WAIT_FOR_READERS}, saying so on stderr after a second.
     *
     * @throws ConfigurationException naming the holder when another run has it (exit code 2)
     */
    public static RunLock acquire(Path db, String command) {
        long start = System.nanoTime();
        boolean said = false;
        while (true) {
            RunLock lock = tryAcquire(db, command, false);
            if (lock != null) {
                return lock;
            }
            String holder = holder(db);
            long waited = System.nanoTime() - start;
            boolean reading = holder.endsWith(READ_ONLY) || holder.isEmpty(); // empty: its text is on its way
            if (!reading || waited > WAIT_FOR_READERS.toNanos()) {
                throw new ConfigurationException("another peertel run is working on " + db + ": "
                        + (holder.isEmpty() ? "holder unknown" : holder) + "; wait for it to finish (or stop it), "
                        + "then run this command again");
            }
            if (!said && waited > 1_000_000_000L) {
                System.err.println("peertel: waiting for a read-only command to finish with " + db + ": " + holder);
                said = true;
            }
            pause();
        }
    }

    /**
     * Takes the lock of {@code db} for a read-only {@code command} if it is free, else returns null at once. The
     * holder text says read-only, so that a run that comes meanwhile waits instead of giving up.
     */
    public static RunLock tryAcquireToRead(Path db, String command) {
        return tryAcquire(db, command, true);
    }

    /**
     * The holder named in the lock file (the first line of its text), or "" when there is none: no lock file, a
     * released lock, or a holder that has not written its text yet. Reading it takes no lock.
     */
    public static String holder(Path db) {
        try {
            String text = Files.readString(fileOf(db), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return end < 0 ? "" : text.substring(0, end).strip(); // a line without its end is still being written
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "holder unreadable (" + e.getMessage() + ")";
        }
    }

    /** Whether a holder text names a read-only command. */
    static boolean readOnly(String holder) {
        return holder.endsWith(READ_ONLY);
    }

    private static RunLock tryAcquire(Path db, String command, boolean readOnly) {
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
                channel.close();
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holderText(command, readOnly).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigurationException("unable to take the run lock " + file + ": " + e.getMessage()
                    + "; check that the folder of --db is writable");
        }
    }

    private static String holderText(String command, boolean readOnly) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", '" + command + "', since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + (readOnly ? READ_ONLY : "") + "\n";
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while waiting for the run lock");
        }
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
