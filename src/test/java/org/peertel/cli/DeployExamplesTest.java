package org.peertel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The systemd and Kubernetes examples in jobs/telemetry/deploy/ must stay runnable: the command each one starts
 * is parsed by peertel's own command line, so a renamed option breaks the build instead of a night.
 */
class DeployExamplesTest {

    static final Path DEPLOY = Path.of("jobs/telemetry/deploy");

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

    private static void assertParsesAsYesterdaysRun(List<String> args) {
        CommandLine commandLine = new CommandLine(new PeertelMain());
        CommandLine.ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult run = parsed.subcommand();
        assertEquals("run", run.commandSpec().name());
        assertEquals("yesterday", run.matchedOptionValue("--date", ""));
    }

    /** A unit file with its continued lines joined, as systemd reads it. */
    private static String unit(String name) throws IOException {
        return Files.readString(DEPLOY.resolve(name)).replace("\\\n", " ");
    }

    /** Every value of {@code key} in a unit, in order. */
    private static List<String> values(String unit, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(unit);
        List<String> values = new java.util.ArrayList<>();
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
