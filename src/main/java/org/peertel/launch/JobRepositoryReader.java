package org.peertel.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The job repository opened for reading, whether or not a run is working: what {@code history} (and any other
 * read-only command) uses. No Spring context is started: one connection and Spring Batch's own JDBC JobRepository
 * over it, in a fraction of a second.
 *
 * <ul>
 * <li>A repository on a database server (PostgreSQL) is read directly, with no lock.</li>
 * <li>An H2 file with no run working: the reader takes the run lock, marked read-only, for the moment it reads
 * (a run that starts meanwhile waits for it, {@link RunLock#acquire}), and opens the file itself.</li>
 * <li>An H2 file a run is working on (the run lock is held by a writer): read through the run
 * ({@link RepositoryServer}); the reader never opens the file, so it never stands in a run's way.</li>
 * </ul>
 * A reader that finds the lock held by another reader, or by a run that has not started serving yet, waits for
 * either to change, up to {@link RunLock#WAIT_FOR_READERS}.
 */
public final class JobRepositoryReader implements AutoCloseable {

    private final RunLock lock;
    private final Connection connection;
    private final JobRepository repository;
    private final String runningHolder;

    private JobRepositoryReader(RunLock lock, Connection connection, JobRepository repository, String runningHolder) {
        this.lock = lock;
        this.connection = connection;
        this.repository = repository;
        this.runningHolder = runningHolder;
    }

    /**
     * Opens the job repository of {@code settings} for reading; empty when there is none yet (no H2 file, or no
     * Spring Batch tables), in which case nothing was created.
     *
     * @param command what reads, for the holder text of the run lock (e.g. {@code peertel history})
     * @param waiting told once when the reader has been waiting for a second for another holder of the lock
     * @throws ConfigurationException when the repository cannot be reached, or stays held by a process that serves
     *                                no reader
     */
    public static Optional<JobRepositoryReader> openIfExists(
            JobSettings settings, String command, Consumer<String> waiting) {
        String url = JobRepositoryDatabase.url(settings.jobRepository(), settings.db());
        Path file = JobRepositoryDatabase.localFile(url);
        if (file == null) {
            return withTables(null, connect(settings, url), null);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        boolean said = false;
        while (true) {
            RunLock lock = RunLock.tryAcquireToRead(settings.db(), command);
            if (lock != null) {
                try {
                    return withTables(lock, connect(settings, url), null);
                } catch (RuntimeException e) {
                    lock.close();
                    throw e;
                }
            }
            String holder = RunLock.holder(settings.db());
            String served = RunLock.readOnly(holder) ? null : RepositoryServer.published(settings.db());
            if (served != null) {
                try {
                    return withTables(null, connect(settings, served), holder);
                } catch (ConfigurationException ended) {
                    // the run ended between reading its URL and connecting: look again
                }
            }
            long waited = System.nanoTime() - start;
            if (waited > RunLock.WAIT_FOR_READERS.toNanos()) {
                throw new ConfigurationException("cannot read the job repository " + file + ": "
                        + (holder.isEmpty() ? "a process" : holder) + " holds the run lock of " + settings.db()
                        + " and does not serve the repository to readers (an older peertel release?); "
                        + "try again when it has finished");
            }
            if (!said && waited > 1_000_000_000L) {
                waiting.accept("waiting for the run lock of " + settings.db() + ": " + holder);
                said = true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConfigurationException("interrupted while waiting to read the job repository");
            }
        }
    }

    /** The JobRepository, for reading only. */
    public JobRepository jobRepository() {
        return repository;
    }

    /**
     * The run working on the database now, as its run lock names it ({@code pid ... on host, 'peertel run ...',
     * since ...}), when this reader reads through it; empty when no run is working (the reader holds the lock), or
     * when that is not known (a repository on a database server).
     */
    public Optional<String> runningHolder() {
        return Optional.ofNullable(runningHolder);
    }

    /** Whether no run can be working: this reader holds the run lock of the database. */
    public boolean noRunWorking() {
        return lock != null;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // read-only: nothing to lose
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static Connection connect(JobSettings settings, String url) {
        try {
            return JobRepositoryDatabase.connect(settings.jobRepository(), url);
        } catch (SQLException e) {
            throw JobRepositoryDatabase.problem(settings.jobRepository(), e);
        }
    }

    /** The reader over {@code connection}, or empty (everything closed) when the Spring Batch tables are missing. */
    private static Optional<JobRepositoryReader> withTables(RunLock lock, Connection connection, String holder) {
        try {
            if (!JobRepositoryDatabase.hasTable(connection, JobRepositoryDatabase.PROBE_TABLE)) {
                connection.close();
                if (lock != null) {
                    lock.close();
                }
                return Optional.empty();
            }
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
            factory.setDataSource(dataSource);
            factory.setTransactionManager(new DataSourceTransactionManager(dataSource));
            factory.afterPropertiesSet();
            return Optional.of(new JobRepositoryReader(lock, connection, factory.getObject(), holder));
        } catch (Exception e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // reported below
            }
            if (lock != null) {
                lock.close();
            }
            throw new ConfigurationException("cannot read the job repository: " + e.getMessage());
        }
    }
}
