package org.peertel.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.peertel.attribution.ConnectionMatcher;
import org.peertel.config.ConfigurationException;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;

/**
 * The registry and its prefix trie, kept between the job executions of one process (a range of days, or the days
 * of a schedule pass) while the registry file is unchanged (same path, size and modification time): a large
 * registry is then parsed, validated and turned into a trie once, not once per day.
 */
final class RegistryCache {

    /** A loaded registry and its matcher. */
    record Loaded(ConnectionRegistry registry, ConnectionMatcher matcher) {
    }

    private record Key(Path file, long size, long modified) {
    }

    private Key key;
    private Loaded loaded;

    /** The registry of {@code file}, loaded again only when the file changed. */
    synchronized Loaded get(Path file) {
        Key now = keyOf(file);
        if (loaded == null || now == null || !now.equals(key)) {
            RegistryLoadResult result = RegistryLoader.load(file);
            if (!result.ok()) {
                throw new ConfigurationException(file + ": the connections registry has " + result.errors().size()
                        + " error(s); the first: " + result.errors().get(0));
            }
            loaded = new Loaded(result.registry(), new ConnectionMatcher(result.registry()));
            key = now;
        }
        return loaded;
    }

    private static Key keyOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Key(file.toAbsolutePath(), attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null; // the loader reports the unreadable file
        }
    }
}
