package org.peertel.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.peertel.config.SettingsFile;

/**
 * Where the day's BGP files are and how many peers make an event. Keys of the job settings file: {@code bgp} (a
 * folder with one sub-folder per UTC day, {@code <bgp>/<YYYY-MM-DD>/}; empty or absent: off), {@code bgp.min-peers}
 * and {@code bgp.visibility-min-peers} ({@link EventSettings}).
 *
 * @param folder null when off
 */
public record BgpSettings(Path folder, EventSettings events) {

    public static final String FOLDER_KEY = "bgp";
    public static final String MIN_PEERS_KEY = "bgp.min-peers";
    public static final String VISIBILITY_MIN_PEERS_KEY = "bgp.visibility-min-peers";

    public static final BgpSettings OFF = new BgpSettings(null, EventSettings.DEFAULTS);

    /**
     * The keys of {@code settingsFile}; the defaults when it is null or missing.
     *
     * @throws org.peertel.config.ConfigurationException naming the file and line of a bad value, or of a BGP folder
     *     that does not exist
     */
    public static BgpSettings load(Path settingsFile) {
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            return OFF;
        }
        SettingsFile settings = SettingsFile.read(settingsFile);
        SettingsFile.Entry folder = settings.entries().get(FOLDER_KEY);
        if (folder != null && !folder.value().isEmpty() && !Files.isDirectory(Path.of(folder.value()))) {
            throw settings.error(
                    folder,
                    "no such folder; give the folder that holds one sub-folder of BGP files per UTC day "
                            + "(<bgp>/YYYY-MM-DD/), or leave bgp empty to compute no prefix events");
        }
        return new BgpSettings(
                folder == null || folder.value().isEmpty() ? null : Path.of(folder.value()),
                new EventSettings(
                        peers(settings, MIN_PEERS_KEY, EventSettings.DEFAULTS.minPeers()),
                        peers(settings, VISIBILITY_MIN_PEERS_KEY, EventSettings.DEFAULTS.visibilityMinPeers())));
    }

    /** These settings with the folder {@code --bgp} names. */
    public BgpSettings withFolder(Path other) {
        return new BgpSettings(other, events);
    }

    private static int peers(SettingsFile settings, String key, int fallback) {
        SettingsFile.Entry entry = settings.entries().get(key);
        if (entry == null) {
            return fallback;
        }
        if (entry.value().matches("[0-9]{1,4}") && Integer.parseInt(entry.value()) >= 1) {
            return Integer.parseInt(entry.value());
        }
        throw settings.error(entry, "expected a whole number of peers from 1 to 9999, e.g. " + fallback);
    }
}
