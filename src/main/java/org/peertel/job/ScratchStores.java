package org.peertel.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.peertel.config.DuckDbSettings;
import org.peertel.store.TelemetryStore;

/**
 * A remote worker's scratch DuckDB databases, where it aggregates buckets of connections: one per partition running at
 * once, each a file in a temporary folder of its own, opened (its tables created) on first use and kept for the next
 * partition, since opening one costs more than aggregating a small bucket. Closing removes them all.
 */
public final class ScratchStores implements AutoCloseable {

    private final DuckDbSettings duckDb;
    private final ConcurrentLinkedQueue<TelemetryStore> idle = new ConcurrentLinkedQueue<>();
    private final List<Path> folders = new ArrayList<>();

    public ScratchStores(DuckDbSettings duckDb) {
        this.duckDb = duckDb;
    }

    /** A scratch store no other partition uses; give it back with {@link #giveBack}. */
    TelemetryStore borrow() throws IOException {
        TelemetryStore store = idle.poll();
        if (store != null) {
            return store;
        }
        Path folder = Files.createTempDirectory("peertel-aggregate-");
        synchronized (folders) {
            folders.add(folder);
        }
        return TelemetryStore.open(folder.resolve("scratch.duckdb"), duckDb);
    }

    void giveBack(TelemetryStore store) {
        idle.add(store);
    }

    @Override
    public void close() {
        for (TelemetryStore store = idle.poll(); store != null; store = idle.poll()) {
            store.close();
        }
        synchronized (folders) {
            for (Path folder : folders) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("unable to remove the scratch folder " + folder, e);
                }
            }
            folders.clear();
        }
    }
}
