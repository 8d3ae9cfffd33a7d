package org.peertel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peertel.config.DuckDbSettings;

/** The store's DuckDB connection runs with the duckdb.* settings: real DuckDB files, DuckDB's own view of them. */
class StoreDuckDbSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theDefaultsLimitMemoryToTwoGigabytesAndSpillBesideTheDatabase() {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertEquals("1.8 GiB", store.queries().duckDbSetting("memory_limit"), "2GB = 2e9 bytes");
            assertEquals(
                    folder.resolve("t.duckdb.tmp").toAbsolutePath().toString(),
                    store.queries().duckDbSetting("temp_directory"));
            assertEquals(
                    String.valueOf(Runtime.getRuntime().availableProcessors()),
                    store.queries().duckDbSetting("threads"));
        }
    }

    @Test
    void chosenValuesAreWhatDuckDbRunsWithAndTheSpillFolderCanBeDeep() {
        Path spill = folder.resolve("deep/er/spill");
        try (TelemetryStore store =
                TelemetryStore.open(folder.resolve("t.duckdb"), new DuckDbSettings("1.5GiB", spill, 1, "20GB"))) {
            assertEquals("1.5 GiB", store.queries().duckDbSetting("memory_limit"));
            assertEquals("18.6 GiB", store.queries().duckDbSetting("max_temp_directory_size"));
            assertEquals(spill.toAbsolutePath().toString(), store.queries().duckDbSetting("temp_directory"));
            assertEquals("1", store.queries().duckDbSetting("threads"));
            assertTrue(java.nio.file.Files.isDirectory(spill.getParent()), "the folders above the spill folder");
        }
    }

    /** Every form the settings accept is one DuckDB accepts too (else a run would fail after it started). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "150MB|143.0 MiB",
                "512 MiB|512.0 MiB",
                "2gb|1.8 GiB",
                "1.5gib|1.5 GiB",
                "1TB|931.3 GiB",
                "0.25TiB|256.0 GiB"
            })
    void everyAcceptedFormIsOneDuckDbTakes(String limit, String duckDbShows) {
        try (TelemetryStore store =
                TelemetryStore.open(folder.resolve("t.duckdb"), new DuckDbSettings(limit, null, 0, null))) {
            assertEquals(duckDbShows, store.queries().duckDbSetting("memory_limit"));
        }
    }

    @Test
    void aShareOfMemoryIsTakenToo() {
        try (TelemetryStore store =
                TelemetryStore.open(folder.resolve("t.duckdb"), new DuckDbSettings("50%", null, 0, null))) {
            assertTrue(
                    store.queries().duckDbSetting("memory_limit").matches("[0-9.]+ [KMGT]iB"),
                    store.queries().duckDbSetting("memory_limit"));
        }
    }
}
