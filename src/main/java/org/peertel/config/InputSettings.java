package org.peertel.config;

import java.util.Locale;
import org.peertel.ingest.InputReadiness;

/**
 * When a day's input is ready to be processed ({@link InputReadiness}). Keys of the job settings file:
 * <ul>
 * <li>{@code input.ready-file}: the name of a file that the feed writes last into a day folder (e.g.
 * {@code _SUCCESS}); when set, a day is processed only once its folder holds it. Default: empty, no marker;</li>
 * <li>{@code input.allow-empty-day}: {@code false} (default) refuses a day whose files hold no data row ({@code run}
 * exits 2, {@code schedule} waits); {@code true} processes it as a day without data, whose reports say
 * {@code coverage=none}. The command-line option {@code --allow-empty-day} sets it to true.</li>
 * </ul>
 */
public record InputSettings(String readyFile, boolean allowEmptyDay) {

    public static final String READY_FILE_KEY = "input.ready-file";
    public static final String ALLOW_EMPTY_DAY_KEY = "input.allow-empty-day";

    public static final InputSettings DEFAULTS = new InputSettings("", false);

    /** These settings with empty days allowed (or not). */
    public InputSettings withAllowEmptyDay(boolean allow) {
        return new InputSettings(readyFile, allow);
    }

    /** The input keys of {@code settings}; each missing key keeps its default. */
    static InputSettings read(SettingsFile settings) {
        String readyFile = "";
        SettingsFile.Entry readyEntry = settings.entries().get(READY_FILE_KEY);
        if (readyEntry != null) {
            String problem = InputReadiness.readyFileProblem(readyEntry.value());
            if (problem != null) {
                throw settings.error(readyEntry, problem + " (or leave it empty for no ready marker)");
            }
            readyFile = readyEntry.value();
        }
        boolean allowEmpty = false;
        SettingsFile.Entry emptyEntry = settings.entries().get(ALLOW_EMPTY_DAY_KEY);
        if (emptyEntry != null) {
            String value = emptyEntry.value().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw settings.error(emptyEntry, "expected true or false");
            }
            allowEmpty = value.equals("true");
        }
        return new InputSettings(readyFile, allowEmpty);
    }
}
