package org.peertel.cli;

import java.nio.file.Path;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.remote.RemoteBroker;
import org.peertel.remote.RemoteSettings;
import picocli.CommandLine.Option;

/** {@code --workers local|remote} of {@code run} and {@code schedule}: who attributes and aggregates the days (docs/remote-workers.md). */
final class WorkersOption {

    /** Where the work runs. */
    enum Workers {
        local,
        remote
    }

    @Option(
            names = "--workers",
            paramLabel = "WHERE",
            description = "local (default): this process does every step. remote: this process is the manager; "
                    + "workers started with `peertel worker` attribute and aggregate the days, through the broker "
                    + "of broker.url and the folder of shared.dir, with a PostgreSQL job repository "
                    + "(docs/remote-workers.md).")
    Workers workers = Workers.local;

    /**
     * The remote settings when {@code --workers remote}, checked before anything is written: a shared job repository,
     * the settings' broker reachable, the shared folder there; null for local.
     *
     * @throws ConfigurationException naming the setting and the fix
     */
    RemoteSettings resolve(JobSettings settings, Path settingsFile) {
        if (workers == Workers.local) {
            return null;
        }
        requireSharedRepository(settings);
        RemoteSettings remote = RemoteSettings.load(settingsFile);
        RemoteBroker.requireReachable(remote);
        return remote;
    }

    /**
     * Remote workers record their partitions in the job repository the manager reads: the H2 file beside the DuckDB
     * file is the manager's own, so it is refused.
     */
    static void requireSharedRepository(JobSettings settings) {
        String url = settings.jobRepositoryUrl();
        if (settings.jobRepository().isDefault() || url.startsWith("jdbc:h2:")) {
            throw new ConfigurationException("remote workers need a job repository every machine reaches: set "
                    + "job-repository.url to a PostgreSQL database (e.g. jdbc:postgresql://db:5432/peertel) in the "
                    + "settings file, or PEERTEL_JOB_REPOSITORY_URL; "
                    + (url.isEmpty() ? "the H2 file beside the DuckDB file" : url)
                    + " is one process's own");
        }
    }
}
