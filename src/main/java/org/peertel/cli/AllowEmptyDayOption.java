package org.peertel.cli;

import org.peertel.config.JobSettings;
import picocli.CommandLine.Option;

/** {@code --allow-empty-day} of the commands that process days ({@code run}, {@code schedule}). */
final class AllowEmptyDayOption {

    @Option(
            names = "--allow-empty-day",
            description = "Process a day whose input files hold no data row (none at all, or only 0-byte, blank or "
                    + "header-only files) as a day without data: its reports say coverage=none. Without it such a day "
                    + "is refused (run exits 2, schedule waits), since a collector outage is not a day of zero "
                    + "traffic. Sets input.allow-empty-day.")
    boolean allowEmptyDay;

    /** {@code settings} with empty days allowed when the option was given. */
    JobSettings applyTo(JobSettings settings) {
        return allowEmptyDay ? settings.withDayInput(settings.dayInput().withAllowEmptyDay(true)) : settings;
    }
}
