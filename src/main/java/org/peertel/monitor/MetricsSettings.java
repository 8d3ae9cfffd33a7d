package org.peertel.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import org.peertel.config.SettingsFile;

/**
 * Where the metrics go: {@code metrics.textfile}, a file in node_exporter's textfile collector folder, whose name
 * must end in {@code .prom} (the collector reads no other); empty or absent: no metrics file. Read from the job
 * settings file, like the {@code schedule.*} keys.
 */
public record MetricsSettings(Path textfile) {

    public static final String TEXTFILE_KEY = "metrics.textfile";

    public static MetricsSettings off() {
        return new MetricsSettings(null);
    }

    /** The {@code metrics.*} keys of {@code settingsFile}; off when it is null or missing. */
    public static MetricsSettings load(Path settingsFile) {
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            return off();
        }
        SettingsFile settings = SettingsFile.read(settingsFile);
        SettingsFile.Entry entry = settings.entries().get(TEXTFILE_KEY);
        if (entry == null || entry.value().isEmpty()) {
            return off();
        }
        if (!entry.value().endsWith(".prom")) {
            throw settings.error(
                    entry,
                    "node_exporter's textfile collector reads only files whose name ends in .prom; name the file "
                            + "so, e.g. /var/lib/node_exporter/textfile_collector/peertel.prom (empty: no metrics)");
        }
        return new MetricsSettings(Path.of(entry.value()));
    }

    public boolean on() {
        return textfile != null;
    }
}
