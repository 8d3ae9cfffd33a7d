package org.peertel.cli;

import java.io.PrintWriter;
import org.peertel.config.ConfigurationException;
import org.peertel.monitor.StatusLevel;
import org.peertel.testhook.TestHooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code peertel} command. Exit codes: {@link ExitCode}, the same table for every command but {@code status},
 * which follows the monitoring-plugin convention ({@link StatusCommand}); every failure ends with one message on
 * stderr that says what to do.
 */
@Command(
        name = "peertel",
        mixinStandardHelpOptions = true,
        version = "peertel 0.1.0",
        description = "Peering-service connection telemetry: latency files in, alerts and customer reports out.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE,
            ExitCode.FAILED_LINE,
            ExitCode.BAD_USAGE_LINE,
            ExitCode.INTERRUPTED_LINE,
            ExitCode.TERMINATED_LINE
        },
        subcommands = {
            RunCommand.class,
            ScheduleCommand.class,
            HistoryCommand.class,
            StatusCommand.class,
            ReportCommand.class,
            AlertsCommand.class,
            StorageCommand.class,
            ExportCommand.class,
            ValidateCommand.class,
            GenerateCommand.class,
            BgpCommand.class,
            WorkerCommand.class
        })
public final class PeertelMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        try {
            TestHooks.warnIfArmed(System.err); // a leftover test hook is said on stderr before anything is written
        } catch (IllegalArgumentException e) {
            System.err.println("peertel: " + e.getMessage());
            System.exit(ExitCode.BAD_USAGE);
        }
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs one command line and returns its exit code; used by main and by the tests. Every attempt of {@code run}
     * and {@code schedule} is recorded ({@link Attempts}), whatever its exit code.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new PeertelMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        Attempts attempts = new Attempts(args, err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            attempts.failedWith(exception);
            if (cmd.getCommand() instanceof StatusCommand) {
                cmd.getOut().println(StatusCommand.unknown(String.valueOf(exception)));
                return StatusLevel.UNKNOWN.exitCode();
            }
            if (exception instanceof ConfigurationException) {
                cmd.getErr().println("peertel: " + exception.getMessage());
                return ExitCode.BAD_USAGE;
            }
            cmd.getErr().println("peertel: failed: " + exception);
            return ExitCode.FAILED;
        });
        commandLine.setParameterExceptionHandler(
                attempts.recording(statusUsageIsUnknown(commandLine.getParameterExceptionHandler())));
        StopOnSignal.beforeHalt(attempts.beforeHalt(commandLine));
        int code = ExitCode.FAILED;
        try {
            code = commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            attempts.failedWith(e); // escaped picocli (an Error): recorded, then the JVM reports it
            throw e;
        } finally {
            StopOnSignal.beforeHalt(null);
            attempts.ended(commandLine, code);
            out.flush();
            err.flush();
        }
        return code;
    }

    /** Picocli's handler of usage errors, with status's exit code for them: UNKNOWN (3), not 2. */
    private static CommandLine.IParameterExceptionHandler statusUsageIsUnknown(
            CommandLine.IParameterExceptionHandler handler) {
        return (exception, arguments) -> {
            int code = handler.handleParseException(exception, arguments);
            return exception.getCommandLine().getCommand() instanceof StatusCommand
                    ? StatusLevel.UNKNOWN.exitCode()
                    : code;
        };
    }

    @Override
    public void run() {
        // named from the subcommands themselves, so that a new command is never missing here
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "choose a command: " + String.join(", ", spec.subcommands().keySet()) + " (see --help)");
    }
}
