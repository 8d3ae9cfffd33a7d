package org.peertel.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.peertel.config.SettingsFile;

/**
 * How long {@code peertel status} lets a day be late: {@code status.grace-minutes} after the day's tick (default
 * 180, three hours: time for the run itself, a late input folder and the schedule's retries) before a day not done
 * counts as missing. Read from the job settings file, like the {@code schedule.*} keys.
 */
public record StatusSettings(int graceMinutes) {

    public static final String GRACE_KEY = "status.grace-minutes";
    public static final int DEFAULT_GRACE_MINUTES = 180;

    public static StatusSettings defaults() {
        return new StatusSettings(DEFAULT_GRACE_MINUTES);
    }

    /** The {@code status.*} keys of {@code settingsFile}; the defaults when it is null or missing. */
    public static StatusSettings load(Path settingsFile) {
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            return defaults();
        }
        SettingsFile settings = SettingsFile.read(settingsFile);
        SettingsFile.Entry entry = settings.entries().get(GRACE_KEY);
        if (entry == null) {
            return defaults();
        }
        String text = entry.value();
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 10_080) {
            throw settings.error(
                    entry,
                    "expected a whole number of minutes from 0 to 10080 (a week), e.g. " + DEFAULT_GRACE_MINUTES);
        }
        return new StatusSettings(Integer.parseInt(text));
    }

    public Duration grace() {
        return Duration.ofMinutes(graceMinutes);
    }
}
