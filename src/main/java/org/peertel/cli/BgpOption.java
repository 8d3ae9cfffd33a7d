package org.peertel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.peertel.routing.BgpSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --bgp DIR} and {@code --no-bgp} of the commands that compute prefix events ({@code run}, {@code schedule},
 * {@code bgp events}).
 */
final class BgpOption {

    @Option(
            names = "--bgp",
            paramLabel = "DIR",
            description = "Folder with one sub-folder of BGP files (MRT updates, RIB dumps) per UTC day, "
                    + "<DIR>/<YYYY-MM-DD>/: compute each day's prefix events (docs/prefix-events.md). "
                    + "Overrides the setting bgp.")
    Path folder;

    @Option(
            names = "--no-bgp",
            description = "Compute no prefix events this time, whatever the setting bgp says: the days' stored "
                    + "events and files stay as they are.")
    boolean off;

    /**
     * The BGP settings of {@code settingsFile} with the option's folder over them.
     *
     * @throws CommandLine.ParameterException when the option names no folder (bad usage, exit 2)
     */
    BgpSettings resolve(Path settingsFile, CommandLine commandLine) {
        if (off && folder != null) {
            throw new CommandLine.ParameterException(commandLine, "--bgp and --no-bgp: give one of them");
        }
        BgpSettings settings = BgpSettings.load(settingsFile);
        if (off) {
            return settings.withFolder(null);
        }
        if (folder == null) {
            return settings;
        }
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "--bgp " + folder + ": no such folder; give the folder that holds one sub-folder of BGP files "
                            + "per UTC day (<DIR>/YYYY-MM-DD/)");
        }
        return settings.withFolder(folder);
    }
}
