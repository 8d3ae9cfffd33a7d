package org.peertel.job;

import java.time.LocalDate;
import org.peertel.alert.AlertSettings;
import org.peertel.attribution.ConnectionMatcher;
import org.peertel.config.DuckDbSettings;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.report.OutputLayout;
import org.peertel.routing.WatchedPrefixes;
import org.peertel.store.DaySpool;
import org.peertel.store.TelemetryStore;

/**
 * Everything one job execution works with: the day, its settings, the registry, and one DuckDB connection shared
 * by the steps (steps run one after another on one thread). Built from the job parameters when the
 * execution starts and closed when it ends.
 */
public final class DayRun implements AutoCloseable {

    private final TelemetryJobParameters parameters;
    private final ConnectionRegistry registry;
    private final ConnectionMatcher matcher;
    private final AlertSettings alertSettings;
    private final DuckDbSettings duckDb;
    private TelemetryStore store;
    private WatchedPrefixes watched;

    DayRun(TelemetryJobParameters parameters, RegistryCache.Loaded loaded, DuckDbSettings duckDb) {
        this.parameters = parameters;
        this.duckDb = duckDb;
        this.registry = loaded.registry();
        this.matcher = loaded.matcher();
        this.alertSettings = AlertSettings.load(parameters.alerts());
    }

    public LocalDate day() {
        return parameters.date();
    }

    public TelemetryJobParameters parameters() {
        return parameters;
    }

    public ConnectionRegistry registry() {
        return registry;
    }

    public AlertSettings alertSettings() {
        return alertSettings;
    }

    public OutputLayout layout() {
        return new OutputLayout(parameters.out());
    }

    /**
     * The registry's connection matcher: longest-prefix match in a {@link org.peertel.prefix.PrefixTable}, then the
     * connection's location.
     */
    public ConnectionMatcher matcher() {
        return matcher;
    }

    /** The registry's prefixes whose routes make prefix events, built on first use. */
    public synchronized WatchedPrefixes watchedPrefixes() {
        if (watched == null) {
            watched = WatchedPrefixes.of(registry.connections());
        }
        return watched;
    }

    /** The day's spool: every row of the day (measurements, unattributed rows, rejects) on its way into DuckDB. */
    public DaySpool spool() {
        return parameters.spool();
    }

    /** The DuckDB connection, opened on first use. */
    public synchronized TelemetryStore store() {
        if (store == null) {
            store = TelemetryStore.open(parameters.db(), duckDb);
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
