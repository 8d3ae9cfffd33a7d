package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.peertel.alert.AlertSettings;
import org.peertel.config.ConfigurationException;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.registry.RegistryIssue;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;

/** Checks that stop a run before it touches any output. */
final class Preflight {

    private Preflight() {
    }

    /** The registry, or a ConfigurationException after printing every error. Warnings are only counted. */
    static ConnectionRegistry registry(Path file, PrintWriter err) {
        RegistryLoadResult result = RegistryLoader.load(file);
        if (!result.ok()) {
            result.errors().forEach(issue -> err.println(issue));
            throw new ConfigurationException(file + ": " + result.errors().size()
                    + " error(s) in the connections registry (listed above); fix them, then check with "
                    + "'peertel validate --connections " + file + "'");
        }
        if (!result.warnings().isEmpty()) {
            err.println("peertel: " + file + ": " + result.warnings().size()
                    + " warning(s); 'peertel validate' lists them");
        }
        return result.registry();
    }

    /** Overrides for a connection that is not registered are almost always a typo: refuse them. */
    static void alertSettings(AlertSettings settings, ConnectionRegistry registry) {
        settings.overriddenConnections().entrySet().stream()
                .filter(e -> registry.find(e.getKey()).isEmpty())
                .min(java.util.Map.Entry.comparingByValue())
                .ifPresent(e -> {
                    throw new ConfigurationException(settings.file() + ":" + e.getValue() + ": alert override for '"
                            + e.getKey() + "', which is not a registered connection; fix the id or remove the line");
                });
    }

    static void printIssues(RegistryLoadResult result, PrintWriter out) {
        for (RegistryIssue issue : result.errors()) {
            out.println(issue);
        }
        for (RegistryIssue issue : result.warnings()) {
            out.println(issue);
        }
    }
}
