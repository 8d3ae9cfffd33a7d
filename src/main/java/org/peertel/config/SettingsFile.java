package org.peertel.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code key = value} settings file that remembers where each key was written, so that a bad value can be
 * reported as {@code file:line}. Lines starting with {@code #} are comments; no escapes, no continuations.
 */
public final class SettingsFile {

    /** One setting and the line it came from. */
    public record Entry(String key, String value, int line) {}

    private final Path file;
    private final Map<String, Entry> entries;

    private SettingsFile(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads {@code file}; a missing file, a line without '=' or a key given twice is a ConfigurationException. */
    public static SettingsFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read settings file (" + e.getMessage()
                    + "); check the path, or pass --settings with the right file");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ConfigurationException(
                        file + ":" + (i + 1) + ": expected 'key = value' but found '" + line + "'");
            }
            String key = line.substring(0, equals).strip();
            Entry previous =
                    entries.put(key, new Entry(key, line.substring(equals + 1).strip(), i + 1));
            if (previous != null) {
                throw new ConfigurationException(file + ":" + (i + 1) + ": '" + key + "' is already set on line "
                        + previous.line() + "; keep one of them");
            }
        }
        return new SettingsFile(file, entries);
    }

    public Path file() {
        return file;
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** "file:line" of a key, for messages. */
    public String where(Entry entry) {
        return file + ":" + entry.line();
    }

    /** An error about {@code entry}, naming file and line. */
    public ConfigurationException error(Entry entry, String problem) {
        return new ConfigurationException(where(entry) + ": " + entry.key() + " = '" + entry.value() + "': " + problem);
    }

    /** An error about {@code entry} that does not repeat its value (a URL with credentials, a password). */
    public ConfigurationException errorWithoutValue(Entry entry, String problem) {
        return new ConfigurationException(where(entry) + ": " + entry.key() + ": " + problem);
    }
}
