package org.peertel.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem found in the registry file.
 *
 * @param file     the registry file
 * @param line     the physical line where the offending record starts (header = 1; 0 when the file itself could
 *                 not be read)
 * @param severity whether the problem stops the registry from loading
 * @param message  what is wrong, naming the bad value, and how to fix it
 */
public record RegistryIssue(Path file, int line, Severity severity, String message) {

    /** An error makes the registry unusable; a warning is reported and loading goes on. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public RegistryIssue {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** Compiler style: {@code <file>:<line>: error: <message>} (or {@code warning:}). */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (severity == Severity.ERROR ? "error" : "warning") + ": " + message;
    }
}
