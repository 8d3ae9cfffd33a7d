package org.peertel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.peertel.config.JobRepositorySettings;
import org.peertel.config.JobSettings;
import org.peertel.config.SettingsFile;
import org.peertel.remote.RemoteSettings;
import picocli.CommandLine;

/**
 * The systemd, Kubernetes and Compose examples in jobs/telemetry/deploy/ must stay runnable: the command each one
 * starts is parsed by peertel's own command line, so a renamed option breaks the build instead of a night.
 */
class DeployExamplesTest {

    static final Path DEPLOY = Path.of("jobs/telemetry/deploy");
    static final Path COMPOSE = DEPLOY.resolve("remote-workers.compose.yaml");
    static final Path REMOTE_SETTINGS = DEPLOY.resolve("remote.properties");
    /** Where the Compose example mounts the volume of the manager and the workers. */
    static final Path DATA = Path.of("/data");

    @Test
    void theSystemdServiceRunsYesterday() throws IOException {
        String unit =
                Files.readString(DEPLOY.resolve("peertel-nightly.service")).replace("\\\n", " ");
        Matcher exec = Pattern.compile("(?m)^ExecStart=(.*)$").matcher(unit);
        exec.find();
        List<String> words = Arrays.asList(exec.group(1).trim().split("\\s+"));
        assertEquals(List.of("/usr/bin/java", "-jar"), words.subList(0, 2));
        assertParsesAsYesterdaysRun(words.subList(3, words.size()));
    }

    @Test
    void aFailedNightSaysSoLoudlyWithTheHistoryOfThatNight() throws IOException {
        // given
        String nightly = unit("peertel-nightly.service");
        String failure = unit("peertel-nightly-failure.service");

        // then: the nightly unit starts the failure unit when it fails, a oneshot that logs at priority crit
        assertEquals(List.of("peertel-nightly-failure.service"), values(nightly, "OnFailure"));
        assertEquals(List.of("oneshot"), values(failure, "Type"));
        List<List<String>> commands = values(failure, "ExecStart").stream()
                .map(DeployExamplesTest::words)
                .toList();
        assertEquals(2, commands.size());
        assertEquals(
                List.of("/usr/bin/systemd-cat", "-t", "peertel-nightly", "-p", "crit"),
                commands.get(0).subList(0, 5));
        assertEquals(
                List.of("/usr/bin/systemd-cat", "-t", "peertel-nightly", "-p", "err", "/usr/bin/java", "-jar"),
                commands.get(1).subList(0, 7));

        // and: then it prints the history of the night's day, from the same settings and database as the run
        CommandLine.ParseResult history = new CommandLine(new PeertelMain())
                .parseArgs(commands.get(1).subList(8, commands.get(1).size()).toArray(String[]::new))
                .subcommand();
        CommandLine.ParseResult run = new CommandLine(new PeertelMain())
                .parseArgs(
                        execStart(nightly).subList(3, execStart(nightly).size()).toArray(String[]::new))
                .subcommand();
        assertEquals("history", history.commandSpec().name());
        assertEquals("yesterday", history.matchedOptionValue("--from", ""));
        for (String option : List.of("--settings", "--db")) {
            assertEquals(
                    run.matchedOptionValue(option, (Object) null).toString(),
                    history.matchedOptionValue(option, (Object) null).toString(),
                    option);
        }
    }

    @Test
    void theKubernetesCronJobRunsYesterday() throws IOException {
        String yaml = Files.readString(DEPLOY.resolve("cronjob.yaml"));
        Matcher args = Pattern.compile("args: \\[(.*?)]", Pattern.DOTALL).matcher(yaml);
        args.find();
        List<String> words = Arrays.stream(args.group(1).split(","))
                .map(w -> w.trim().replace("\"", ""))
                .toList();
        assertEquals(List.of("java", "-jar"), words.subList(0, 2));
        assertParsesAsYesterdaysRun(words.subList(3, words.size()));
        assertEquals(1, count(yaml, "\n  concurrencyPolicy: Forbid\n"));
        assertEquals(1, count(yaml, "\n  schedule: \"30 2 * * *\"\n"));
    }

    @Test
    void theComposeManagerRunsYesterdayThroughTheRemoteWorkers() throws IOException {
        // given
        ComposeFile.Service manager = ComposeFile.read(COMPOSE).service("manager");

        // when
        List<String> command = manager.command();
        CommandLine.ParseResult run = parsePeertel(command.subList(3, command.size()));

        // then: one day, remote workers, the settings in the shared volume; a one-shot started by hand or a scheduler
        assertEquals(List.of("java", "-jar", "/app/peertel.jar"), command.subList(0, 3));
        assertEquals("run", run.commandSpec().name());
        assertEquals("yesterday", run.matchedOptionValue("--date", ""));
        assertEquals(WorkersOption.Workers.remote, run.matchedOptionValue("--workers", WorkersOption.Workers.local));
        assertEquals(DATA.resolve("remote.properties"), run.matchedOptionValue("--settings", (Path) null));
        assertEquals("\"no\"", manager.key("restart"));
        assertEquals("[\"manager\"]", manager.key("profiles"));
    }

    @Test
    void theComposeWorkersTakePartitionsWithTheManagersSettings() throws IOException {
        // given
        ComposeFile compose = ComposeFile.read(COMPOSE);
        ComposeFile.Service worker = compose.service("worker");
        List<String> manager = compose.service("manager").command();
        Path managerSettings = parsePeertel(manager.subList(3, manager.size())).matchedOptionValue("--settings", null);

        // when
        List<String> command = worker.command();
        CommandLine.ParseResult parsed = parsePeertel(command.subList(3, command.size()));

        // then: `peertel worker` with the manager's settings file, more than one of them, stopped gently
        assertEquals(List.of("java", "-jar", "/app/peertel.jar"), command.subList(0, 3));
        assertEquals("worker", parsed.commandSpec().name());
        assertEquals(managerSettings, parsed.matchedOptionValue("--settings", (Path) null));
        Matcher replicas =
                Pattern.compile("(?m)^    deploy:\\n      replicas: (\\d+)$").matcher(worker.text());
        assertTrue(replicas.find(), "deploy: replicas: of the workers");
        assertTrue(Integer.parseInt(replicas.group(1)) >= 2, "workers: " + replicas.group(1));
        assertTrue(worker.key("stop_grace_period").matches("[1-9][0-9]*m"), "stop_grace_period in whole minutes");
    }

    @Test
    void theManagerAndTheWorkersShareOneVolumeAtOnePathThatHoldsEveryPathOfTheirSettings() throws IOException {
        // given
        ComposeFile compose = ComposeFile.read(COMPOSE);
        JobSettings settings = JobSettings.load(REMOTE_SETTINGS);
        String sharedDir = SettingsFile.read(REMOTE_SETTINGS)
                .entries()
                .get(RemoteSettings.SHARED_DIR_KEY)
                .value();

        // when
        Map<String, String> managerMounts = compose.service("manager").mounts();
        Map<String, String> workerMounts = compose.service("worker").mounts();

        // then: the same named volume at the same path, declared at the top level
        assertEquals(Map.of("peertel-data", DATA.toString()), managerMounts);
        assertEquals(managerMounts, workerMounts);
        assertTrue(compose.section("volumes").contains("\n  peertel-data:\n"), "top-level volume peertel-data");

        // and: the shared folder, the registry, the input, the outputs and the alert rules are all in it
        for (Path path : List.of(
                Path.of(sharedDir),
                settings.connections(),
                settings.input(),
                settings.out(),
                settings.db(),
                settings.alerts())) {
            assertTrue(path.isAbsolute() && path.normalize().startsWith(DATA), path + " is inside " + DATA);
            assertFalse(path.normalize().equals(DATA), path + " is a folder of its own in " + DATA);
        }
    }

    @Test
    void theRemoteSettingsNameTheComposeServicesAndTakeTheCredentialsFromTheEnvironment() throws IOException {
        // given
        ComposeFile compose = ComposeFile.read(COMPOSE);
        ComposeFile.Service postgres = compose.service("postgres");
        Map<String, SettingsFile.Entry> entries =
                SettingsFile.read(REMOTE_SETTINGS).entries();

        // when: loaded as the manager and the workers load it, with the environment the compose file gives them
        JobSettings settings = JobSettings.load(REMOTE_SETTINGS);
        Map<String, String> environment = Map.of(
                JobRepositorySettings.USER_ENV, "peertel", JobRepositorySettings.PASSWORD_ENV, "example-password");
        JobSettings withEnvironment = settings.withEnvironment(environment);

        // then: the broker and the job repository are services of the compose file, the repository a shared one
        assertEquals(
                "tcp://artemis:61616",
                entries.get(RemoteSettings.BROKER_URL_KEY).value());
        assertEquals(
                "apache/activemq-artemis:2.43.0", compose.service("artemis").key("image"));
        assertEquals(
                "jdbc:postgresql://postgres:5432/" + postgres.environment("POSTGRES_DB"), settings.jobRepositoryUrl());
        assertEquals("postgres:15", postgres.key("image"));
        WorkersOption.requireSharedRepository(withEnvironment);

        // and: no credential in the file; the same user and password variable for postgres, manager and workers
        assertFalse(entries.containsKey(JobRepositorySettings.USER_KEY), "the user comes from the environment");
        assertFalse(entries.containsKey(JobRepositorySettings.PASSWORD_KEY), "the password comes from the environment");
        assertEquals("peertel", withEnvironment.jobRepository().user().text());
        for (String name : List.of("manager", "worker")) {
            ComposeFile.Service peertel = compose.service(name);
            assertEquals(
                    postgres.environment("POSTGRES_USER"), peertel.environment(JobRepositorySettings.USER_ENV), name);
            assertEquals(
                    postgres.environment("POSTGRES_PASSWORD"),
                    peertel.environment(JobRepositorySettings.PASSWORD_ENV),
                    name);
        }
        assertTrue(postgres.environment("POSTGRES_PASSWORD").startsWith("${PEERTEL_DB_PASSWORD:?"));

        // and: the workers' settings are within their bounds
        assertTrue(
                entries.get(RemoteSettings.TIMEOUT_KEY).value().matches("[1-9][0-9]{0,5}[smh]"),
                "workers.timeout such as 30m");
        int buckets = Integer.parseInt(entries.get(RemoteSettings.BUCKETS_KEY).value());
        assertTrue(buckets >= 1 && buckets <= 128, "workers.buckets " + buckets);
    }

    private static void assertParsesAsYesterdaysRun(List<String> args) {
        CommandLine commandLine = new CommandLine(new PeertelMain());
        CommandLine.ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult run = parsed.subcommand();
        assertEquals("run", run.commandSpec().name());
        assertEquals("yesterday", run.matchedOptionValue("--date", ""));
    }

    private static CommandLine.ParseResult parsePeertel(List<String> args) {
        return new CommandLine(new PeertelMain())
                .parseArgs(args.toArray(String[]::new))
                .subcommand();
    }

    /** A unit file with its continued lines joined, as systemd reads it. */
    private static String unit(String name) throws IOException {
        return Files.readString(DEPLOY.resolve(name)).replace("\\\n", " ");
    }

    /** Every value of {@code key} in a unit, in order. */
    private static List<String> values(String unit, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(unit);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1).trim());
        }
        return values;
    }

    private static List<String> words(String command) {
        return Arrays.asList(command.trim().split("\\s+"));
    }

    private static List<String> execStart(String unit) {
        return words(values(unit, "ExecStart").get(0));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
