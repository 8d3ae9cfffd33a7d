package org.peertel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The duckdb.* keys of the job settings: defaults, accepted forms, and refusals with file:line and the fix. */
class DuckDbSettingsTest {

    @TempDir
    Path folder;

    private JobSettings load(String text) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(file, "# DuckDB\n" + text + "\n");
        return JobSettings.load(file);
    }

    @Test
    void theShippedFileSetsTwoGigabytesBesideTheDatabaseAndOneThreadPerCore() {
        DuckDbSettings shipped = JobSettings.load(JobSettings.DEFAULT_FILE).duckDb();
        assertEquals(DuckDbSettings.defaults(), shipped);
        assertEquals("2GB", shipped.memoryLimit());
        assertNull(shipped.tempDirectory());
        assertEquals(0, shipped.threads());
        assertEquals(Path.of("out/peertel.duckdb.tmp"), shipped.tempDirectoryFor(Path.of("out/peertel.duckdb")));
        assertEquals(DuckDbSettings.defaults(), JobSettings.builtIn().duckDb());
    }

    @Test
    void everyKeyIsReadAndBecomesADuckDbSetting() throws IOException {
        DuckDbSettings settings = load("duckdb.memory-limit = 1.5GiB\nduckdb.temp-directory = spill/here\n"
                        + "duckdb.threads = 3\nduckdb.max-temp-size = 20GB")
                .duckDb();
        assertEquals(new DuckDbSettings("1.5GiB", Path.of("spill/here"), 3, "20GB"), settings);
        assertEquals(
                Map.of(
                        "memory_limit",
                        "1.5GiB",
                        "temp_directory",
                        Path.of("spill/here").toAbsolutePath().toString(),
                        "threads",
                        3L,
                        "max_temp_directory_size",
                        "20GB"),
                settings.values(Path.of("out/x.duckdb")));
        assertEquals(2, DuckDbSettings.defaults().values(Path.of("x.duckdb")).size(), "no threads setting by default");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "lots   | not a memory size; give a size with a unit, e.g. 2GB",
                "2048   | not a memory size",
                "-1     | not a memory size",
                "2 G    | not a memory size",
                "50MB   | below 150MB, too little",
                "149MB  | below 150MB, too little",
                "0%     | a share of memory must be from 1% to 100%",
                "150%   | a share of memory must be from 1% to 100%"
            })
    void aBadMemoryLimitNamesFileLineAndTheFix(String value, String problem) throws IOException {
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> load("duckdb.memory-limit = " + value));
        assertTrue(
                e.getMessage()
                        .startsWith(folder.resolve("t.properties") + ":2: duckdb.memory-limit = '" + value + "': "
                                + problem),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"0", "257", "two", "-1"})
    void aBadThreadCountNamesFileLineAndTheRange(String value) throws IOException {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load("duckdb.threads = " + value));
        assertTrue(
                e.getMessage()
                        .startsWith(folder.resolve("t.properties") + ":2: duckdb.threads = '" + value
                                + "': expected a whole number of threads from 1 to 256"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"20", "50%", "lots", "''"})
    void aBadSpillLimitNamesFileLineAndTheFix(String value) throws IOException {
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> load("duckdb.max-temp-size = " + value));
        assertTrue(
                e.getMessage()
                        .startsWith(folder.resolve("t.properties") + ":2: duckdb.max-temp-size = '" + value
                                + "': not a size; give a size with a unit, e.g. 20GB"),
                e.getMessage());
        assertTrue(
                e.getMessage().endsWith("or remove the line to let DuckDB spill up to 90% of the free disk"),
                e.getMessage());
    }

    @Test
    void aTempDirectoryThatIsAFileOrEmptyIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        ConfigurationException isFile =
                assertThrows(ConfigurationException.class, () -> load("duckdb.temp-directory = " + file));
        assertTrue(
                isFile.getMessage()
                        .startsWith(folder.resolve("t.properties") + ":2: duckdb.temp-directory = '" + file
                                + "': this is a file, not a folder"),
                isFile.getMessage());
        ConfigurationException empty =
                assertThrows(ConfigurationException.class, () -> load("duckdb.temp-directory ="));
        assertTrue(empty.getMessage().contains(":2: duckdb.temp-directory = '': empty path"), empty.getMessage());
    }

    @Test
    void theRecordRefusesWhatTheFileWould() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new DuckDbSettings("lots", null, 0, null));
        assertTrue(e.getMessage().startsWith("duckdb.memory-limit 'lots': not a memory size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DuckDbSettings("2GB", null, 300, null));
    }
}
