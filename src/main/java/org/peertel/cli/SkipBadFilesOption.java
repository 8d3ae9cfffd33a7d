package org.peertel.cli;

import org.peertel.config.JobSettings;
import picocli.CommandLine.Option;

/** {@code --skip-bad-files} of the commands that process days ({@code run}, {@code schedule}). */
final class SkipBadFilesOption {

    @Option(
            names = "--skip-bad-files",
            description = "Leave a bad input file out (a corrupt, truncated or "
                    + "oversized file, or one without a valid header: none of its rows count) and process the rest of the "
                    + "day, instead of failing the day. runs/<day>.json lists the skipped files and the day's reports are "
                    + "marked partial. Sets ingest.skip-bad-files.")
    boolean skipBadFiles;

    /** {@code settings} with bad files skipped when the option was given. */
    JobSettings applyTo(JobSettings settings) {
        return skipBadFiles ? settings.withIngest(settings.ingest().withSkipBadFiles(true)) : settings;
    }
}
