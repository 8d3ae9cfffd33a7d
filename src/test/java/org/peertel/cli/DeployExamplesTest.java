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

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
