package org.peertel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.peertel.routing.BgpSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --bgp DIR} of the commands that compute prefix events ({@code run}, {@code schedule}, {@code bgp events}). */
final class BgpOption {

    @Option(
            names = "--bgp",
            paramLabel = "DIR",
            description = "Folder with one sub-folder of BGP files (MRT updates, RIB dumps) per UTC day, "
                    + "<DIR>/<YYYY-MM-DD>/: compute each day's prefix events (docs/prefix-events.md). "
                    + "Overrides the setting bgp.")
    Path folder;

    /**
     * The BGP settings of {@code settingsFile} with the option's folder over them.
     *
     * @throws CommandLine.ParameterException when the option names no folder (bad usage, exit 2)
     */
    BgpSettings resolve(Path settingsFile, CommandLine commandLine) {
        BgpSettings settings = BgpSettings.load(settingsFile);
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
