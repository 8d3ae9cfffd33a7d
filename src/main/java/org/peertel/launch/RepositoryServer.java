package org.peertel.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import org.h2.tools.Server;
import org.peertel.config.JobSettings;

/**
 * How read-only commands (history) read an H2 job repository file while a run works on it: H2 lets one process
 * open the file, so the run, which holds it, also serves it. While a {@link JobSession} is open it runs H2's TCP
 * server on 127.0.0.1 (a port the system picks; H2 refuses connections from other hosts anyway), serving that one
 * database under a random key, and publishes the JDBC URL in {@code <db>.lock.server}, readable by its owner only
 * (the key is the access to the repository). A reader connects there as a client; it can never become the server a
 * run depends on, so a reader that ends cannot break a run. The file is removed when the session closes; one left by
 * a killed run is removed by the next run when it takes the lock, before anyone could read it.
 *
 * <p>Not used for a repository on a database server (PostgreSQL), which any number of processes read at once.
 */
final class RepositoryServer implements AutoCloseable {

    static {
        bindToLoopback();
    }

    private final Server server;
    private final Path published;

    private RepositoryServer(Server server, Path published) {
        this.server = server;
        this.published = published;
    }

    /**
     * H2 binds its servers to {@code h2.bindAddress}, read once when H2 first starts: keep them on the loopback
     * interface, unless whoever starts the JVM chose otherwise.
     */
    static void bindToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** Where the run publishes its server: {@code out/peertel.duckdb} → {@code out/peertel.duckdb.lock.server}. */
    static Path fileOf(Path db) {
        return RunLock.fileOf(db).resolveSibling(RunLock.fileOf(db).getFileName() + ".server");
    }

    /**
     * Starts serving the job repository of {@code settings} if it is a local H2 file; null otherwise. The caller
     * holds the run lock of the database and has the repository open.
     */
    static RepositoryServer start(JobSettings settings) throws SQLException, IOException {
        Path file = JobRepositoryDatabase.localFile(JobRepositoryDatabase.url(settings.jobRepository(), settings.db()));
        if (file == null) {
            return null;
        }
        String name = file.toAbsolutePath().toString();
        String database = name.substring(0, name.length() - ".mv.db".length());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Server server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key, database)
                .start();
        Path published = fileOf(settings.db());
        try {
            publish(published, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + key);
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
        return new RepositoryServer(server, published);
    }

    /** The URL a running run published for {@code db}, or null when there is none. */
    static String published(Path db) {
        try {
            String url = Files.readString(fileOf(db), StandardCharsets.UTF_8).strip();
            return url.startsWith("jdbc:h2:tcp://") ? url : null;
        } catch (IOException none) {
            return null; // no run serves it (or not yet)
        }
    }

    /** Removes a published URL left by a run that was killed; called by the next run once it holds the lock. */
    static void clearStale(Path db) {
        try {
            Files.deleteIfExists(fileOf(db));
        } catch (IOException ignored) {
            // start() replaces it anyway
        }
    }

    /** Writes the URL whole (a reader never sees half of it), readable and writable by the owner only. */
    private static void publish(Path file, String url) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, url + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops serving: unpublishes the URL, then closes the server and the sessions of its readers. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(published);
        } catch (IOException ignored) {
            // the next run removes it
        } finally {
            server.stop();
        }
    }
}
