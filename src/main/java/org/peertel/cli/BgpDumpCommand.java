package org.peertel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.bgp.BgpDump;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;
import org.peertel.config.ConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code peertel bgp dump FILE...}: MRT files in bgpdump's one-line text ({@code bgpdump -m}), to compare with other
 * tools and to look into a file. Every file is checked before anything is written, so a missing one writes nothing.
 */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = {
            "Print the routes of MRT files (plain, gzip or bzip2: BGP4MP updates and state changes, TABLE_DUMP and "
                    + "TABLE_DUMP_V2 RIBs) in the one-line format of bgpdump -m, one line per prefix, files in the "
                    + "order given. Records that cannot be read are skipped and counted on stderr; a file cut short "
                    + "keeps the routes before the cut."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.BAD_USAGE_LINE + " (e.g. a file that cannot be read)"})
public final class BgpDumpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MRT files, plain, gzip or bzip2.")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigurationException("cannot read MRT file " + file + ": "
                        + (Files.exists(file) ? "not a readable file" : "no such file"));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            MrtReadReport report;
            try (InputStream in = MrtReader.open(file)) {
                report = BgpDump.dump(in, out);
            } catch (IOException e) {
                throw new ConfigurationException("cannot read MRT file " + file + ": " + e.getMessage(), e);
            }
            out.flush();
            if (!report.problems().isEmpty()) {
                err.println("peertel: " + file + ": " + report.summary());
            }
        }
        return ExitCode.OK;
    }
}
