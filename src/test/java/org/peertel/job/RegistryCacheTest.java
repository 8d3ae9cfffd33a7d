package org.peertel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.config.ConfigurationException;
import org.peertel.registry.RegistryLoadResult;

class RegistryCacheTest {

    static final String HEADER = "connection_id,customer_id,name,partner,country,state,prefixes\n";

    private static final String ONE = "a,acme,A,ISP,DE,,192.0.2.0/24\n";
    private static final String TWO = ONE + "b,acme,B,ISP,FR,,198.51.100.0/24\n";
    private static final String BAD = "a,acme,A,ISP,DE,,10.0.0.0/8\n"; // private space, which the loader refuses

    @TempDir
    Path folder;

    @Test
    void anUnchangedRegistryIsLoadedOnceAndAChangedOneAgain() throws Exception {
        Path file = registry(ONE);
        RegistryCache cache = new RegistryCache();

        RegistryCache.Loaded first = cache.get(file);
        assertSame(first, cache.get(file), "same file, same registry and trie");

        RegistryCache.Loaded second = cache.get(rewrite(file, TWO));

        assertNotSame(first, second);
        assertEquals(2, second.registry().connections().size());
    }

    @Test
    void theRegistryTheCommandCheckedIsTheOneTheJobGets() throws Exception {
        Path file = registry(ONE);
        RegistryCache cache = new RegistryCache();

        RegistryLoadResult checked = cache.load(file);
        cache.prepareMatcher();
        RegistryCache.Loaded loaded = cache.get(file);

        assertSame(checked.registry(), loaded.registry(), "not read a second time");
        assertEquals(List.of("192.0.2.0/24"), loaded.matcher().prefixes());
        assertSame(loaded, cache.get(file));
    }

    @Test
    void aRegistryChangedAfterTheCheckIsReadAgainByTheJob() throws Exception {
        Path file = registry(ONE);
        RegistryCache cache = new RegistryCache();
        RegistryLoadResult checked = cache.load(file);
        cache.prepareMatcher();

        RegistryCache.Loaded loaded = cache.get(rewrite(file, TWO));

        assertNotSame(checked.registry(), loaded.registry());
        assertEquals(
                List.of("192.0.2.0/24", "198.51.100.0/24"), loaded.matcher().prefixes());
    }

    @Test
    void aRegistryThatFailedTheCheckIsNotKept() throws Exception {
        Path file = registry(BAD);
        RegistryCache cache = new RegistryCache();
        assertFalse(cache.load(file).ok());
        cache.prepareMatcher(); // nothing to build

        assertThrows(ConfigurationException.class, () -> cache.get(file));
    }

    @Test
    void aBadRegistryStopsTheExecutionWithItsFirstError() throws Exception {
        Path file = registry(BAD);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new RegistryCache().get(file));
        assertTrue(e.getMessage().contains(file + ":2: error:"), e.getMessage());
    }

    private Path registry(String rows) throws IOException {
        return Files.writeString(folder.resolve("connections.csv"), HEADER + rows);
    }

    /** New content and a later modification time, as an edit of the file between two days. */
    private static Path rewrite(Path file, String rows) throws IOException {
        Files.writeString(file, HEADER + rows);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        return file;
    }
}
