package org.peertel.cli;

import java.io.PrintWriter;
import org.peertel.config.ConfigurationException;
import org.peertel.testhook.TestHooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code peertel} command. Exit codes: 0 success, 1 the job failed, 2 bad usage or bad configuration; every
 * failure ends with one message on stderr that says what to do.
 */
@Command(
        name = "peertel",
        mixinStandardHelpOptions = true,
        version = "peertel 0.1.0",
        description = "Peering-service connection telemetry: latency files in, alerts and customer reports out.",
        subcommands = {
            RunCommand.class,
            ScheduleCommand.class,
            HistoryCommand.class,
            ValidateCommand.class,
            GenerateCommand.class
        })
public final class PeertelMain implements Runnable {

    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int BAD_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        try {
            TestHooks.warnIfArmed(System.err); // a leftover test hook is said on stderr before anything is written
        } catch (IllegalArgumentException e) {
            System.err.println("peertel: " + e.getMessage());
            System.exit(BAD_USAGE);
        }
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line and returns its exit code; used by main and by the tests. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new PeertelMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigurationException) {
                cmd.getErr().println("peertel: " + exception.getMessage());
                return BAD_USAGE;
            }
            cmd.getErr().println("peertel: failed: " + exception);
            return JOB_FAILED;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "choose a command: run, schedule, history, validate or generate (see --help)");
    }
}
