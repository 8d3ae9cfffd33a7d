package org.peertel.registry;

import java.util.List;

/**
 * The outcome of {@link RegistryLoader#load(java.nio.file.Path)}.
 *
 * @param registry the loaded registry, or null when there is at least one error
 * @param errors   every error, sorted by line
 * @param warnings every warning, sorted by line
 */
public record RegistryLoadResult(
        ConnectionRegistry registry, List<RegistryIssue> errors, List<RegistryIssue> warnings) {

    public RegistryLoadResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() == (registry == null)) {
            throw new IllegalArgumentException("a registry is present exactly when there is no error");
        }
    }

    /** True when the registry loaded without errors (warnings allowed). */
    public boolean ok() {
        return errors.isEmpty();
    }
}
