package org.peertel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.launch.TelemetryApplication;
import org.peertel.remote.RemoteBroker;
import org.peertel.remote.RemoteRole;
import org.peertel.remote.RemoteSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peertel worker}: a remote worker. Takes partition requests of {@code run --workers remote} managers from the
 * broker until stopped (SIGTERM or SIGINT: the partition running is finished first; kill -9 leaves it to another
 * worker). Needs the same settings file as the managers: the job repository, {@code broker.url} and
 * {@code shared.dir}; the input, registry and shared folder at the same paths as on the manager's machine.
 */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Run partitions of the days of `run --workers remote` managers until stopped (docs/remote-workers.md).",
            "Uses the job repository, broker.url and shared.dir of the settings file."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.BAD_USAGE_LINE, ExitCode.TERMINATED_LINE})
public final class WorkerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--settings",
            paramLabel = "FILE",
            description = "Job settings (default: jobs/telemetry/telemetry.properties).")
    Path settingsFile = JobSettings.DEFAULT_FILE;

    @Option(
            names = "--partitions-at-once",
            paramLabel = "N",
            description = "How many partitions to run at once (default: one per core). A partition reads each of its "
                    + "files on one thread, and aggregates a bucket in a DuckDB of its own (duckdb.* settings each).")
    Integer partitionsAtOnce;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.isRegularFile(settingsFile)) {
            throw new ConfigurationException("--settings " + settingsFile + ": no such file; a worker needs the "
                    + "settings file of its managers (job repository, broker.url, shared.dir)");
        }
        JobSettings settings = JobSettings.load(settingsFile).withEnvironment(System.getenv());
        WorkersOption.requireSharedRepository(settings);
        RemoteSettings remote = RemoteSettings.load(settingsFile);
        if (partitionsAtOnce != null) {
            if (partitionsAtOnce < 1 || partitionsAtOnce > 256) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--partitions-at-once " + partitionsAtOnce + ": give 1 to 256");
            }
            remote = remote.withPartitionsAtOnce(partitionsAtOnce);
        }
        RemoteBroker.requireReachable(remote);
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext context =
                TelemetryApplication.start(settings, settings.db(), null, RemoteRole.WORKER, remote);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            context.close(); // stops taking requests; the one running ends first
                            stopped.countDown();
                        },
                        "peertel-worker-stop"));
        spec.commandLine()
                .getOut()
                .println("peertel worker: taking partitions from " + remote.brokerUrl() + ", "
                        + remote.partitionsAtOnce() + " at once (shared folder " + remote.sharedDir()
                        + "); stop with SIGTERM");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCode.TERMINATED;
    }
}
