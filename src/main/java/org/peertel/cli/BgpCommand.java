package org.peertel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code peertel bgp}: BGP data from MRT files (RFC 6396); its subcommands do the work. */
@Command(
        name = "bgp",
        mixinStandardHelpOptions = true,
        description = {
            "Read BGP update and RIB dumps in MRT format (RFC 6396), as RIPE RIS and RouteViews publish them."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.BAD_USAGE_LINE},
        subcommands = {BgpDumpCommand.class, BgpEventsCommand.class})
public final class BgpCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "choose a command: " + String.join(", ", spec.subcommands().keySet()) + " (see --help)");
    }
}
