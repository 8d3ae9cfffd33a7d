package org.peertel.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.peertel.config.ConfigurationException;
import org.peertel.output.DayList;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;
import org.peertel.store.DayConnection;

/**
 * The owners reports take for days published before each day's owners were kept (by a release from before
 * 2026-12-07): those of the registry file given, loaded only when such days are in the report.
 */
public final class RegistryOwners {

    private RegistryOwners() {}

    /**
     * @throws ConfigurationException (when asked) if the registry has errors
     */
    public static Function<List<LocalDate>, List<DayConnection>> of(Path connections) {
        return unowned -> {
            RegistryLoadResult loaded = RegistryLoader.load(connections);
            if (!loaded.ok()) {
                throw new ConfigurationException(connections + " has errors ('peertel validate' lists them); it is "
                        + "needed for " + DayList.compact(unowned) + ", processed before owners were recorded");
            }
            return loaded.registry().connections().stream()
                    .map(DayConnection::of)
                    .toList();
        };
    }
}
