package org.peertel.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.peertel.attribution.ConnectionMatcher;
import org.peertel.config.ConfigurationException;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;

/**
 * The registry and its matcher (a PrefixTable over its prefixes), kept between the job executions of one process (a
 * range of days, or the days of a schedule pass) while the registry file is unchanged (same path, size and modification
 * time): a large registry is then parsed, validated and turned into a matcher once, not once per day.
 *
 * <p>A command that checks the registry before it starts the job ({@code run}, a {@code schedule} pass) loads it
 * through {@link #load}, hands the cache to its launch session, and the job reuses that registry instead of
 * reading the file a second time. {@link #prepareMatcher()} then builds the matcher on another thread while the
 * Spring context starts.
 */
public final class RegistryCache {

    /** A loaded registry and its matcher. */
    record Loaded(ConnectionRegistry registry, ConnectionMatcher matcher) {}

    private record Key(Path file, long size, long modified) {}

    private Key key;
    private ConnectionRegistry registry;
    private CompletableFuture<ConnectionMatcher> matcher;
    private Loaded loaded;

    /**
     * Reads and checks {@code file} now and, when it has no error, keeps its registry for the job executions.
     * The result carries every error and warning, for the command to report.
     */
    public synchronized RegistryLoadResult load(Path file) {
        Key now = keyOf(file); // taken before reading: a change while reading makes the job read it again
        RegistryLoadResult result = RegistryLoader.load(file);
        keep(result.ok() ? now : null, result.registry());
        return result;
    }

    /** Starts building the matcher of the registry {@link #load} kept, on a background thread; no-op without one. */
    public synchronized void prepareMatcher() {
        if (registry != null && loaded == null && matcher == null) {
            ConnectionRegistry source = registry;
            CompletableFuture<ConnectionMatcher> future = new CompletableFuture<>();
            matcher = future;
            Thread builder = new Thread(() -> complete(future, source), "peertel-matcher");
            builder.setDaemon(true); // an exit before the job needs it must not wait for it
            builder.start();
        }
    }

    /** The registry of {@code file}, loaded again only when the file changed. */
    synchronized Loaded get(Path file) {
        Key now = keyOf(file);
        if (registry == null || now == null || !now.equals(key)) {
            RegistryLoadResult result = RegistryLoader.load(file);
            if (!result.ok()) {
                throw new ConfigurationException(file + ": the connections registry has "
                        + result.errors().size() + " error(s); the first: "
                        + result.errors().get(0));
            }
            keep(now, result.registry());
        }
        if (loaded == null) {
            CompletableFuture<ConnectionMatcher> building = matcher;
            matcher = null; // a build that failed is tried again by the next execution
            if (building == null) {
                building = new CompletableFuture<>();
                complete(building, registry);
            }
            loaded = new Loaded(registry, matcherOf(building));
        }
        return loaded;
    }

    private void keep(Key newKey, ConnectionRegistry newRegistry) {
        key = newKey;
        registry = newRegistry;
        matcher = null;
        loaded = null;
    }

    private static void complete(CompletableFuture<ConnectionMatcher> future, ConnectionRegistry registry) {
        try {
            future.complete(new ConnectionMatcher(registry));
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        }
    }

    /** The built matcher, or what its build threw, as if it had been built on this thread. */
    private static ConnectionMatcher matcherOf(CompletableFuture<ConnectionMatcher> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Key keyOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Key(
                    file.toAbsolutePath(),
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null; // the loader reports the unreadable file
        }
    }
}
