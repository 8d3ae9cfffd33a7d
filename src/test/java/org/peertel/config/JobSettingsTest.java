package org.peertel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.alert.AlertSettings;

/** Every settings file under jobs/ must load, so a broken setting fails the build. */
class JobSettingsTest {

    @Test
    void everyJobSettingsFileLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("jobs"))) {
            files = walk.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "jobs/ holds the settings: " + files);
        for (Path file : files) {
            if (file.getFileName().toString().startsWith("alerts")) {
                AlertSettings.load(file);
            } else {
                JobSettings settings = JobSettings.load(file);
                assertTrue(Files.isRegularFile(settings.alerts()), file + " names an alerts file that exists");
            }
        }
    }

    @Test
    void theShippedDefaultsPointAtTheSampleData() {
        JobSettings settings = JobSettings.load(JobSettings.DEFAULT_FILE);
        assertEquals(Path.of("sample-data/connections.csv"), settings.connections());
        assertEquals(Path.of("sample-data/latency"), settings.input());
        assertEquals(Path.of("out"), settings.out());
        assertEquals(Path.of("out/peertel.duckdb"), settings.db());
        assertEquals(10_000, settings.chunkSize());
        assertEquals("", settings.jobRepositoryUrl());
    }

    @Test
    void theBuiltInDefaultsAreTheShippedOnes() {
        JobSettings shipped = JobSettings.load(JobSettings.DEFAULT_FILE);
        JobSettings builtIn = JobSettings.builtIn();
        assertEquals(new JobSettings(shipped.connections(), shipped.input(), shipped.out(), shipped.db(), null,
                shipped.chunkSize(), shipped.jobRepositoryUrl()), builtIn);
        assertEquals(AlertSettings.load(shipped.alerts()).defaults(), AlertSettings.load(builtIn.alerts()).defaults());
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("t.properties");
        Files.writeString(file, "# comment\nconections = x.csv\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JobSettings.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2: conections = 'x.csv': unknown setting"), e.getMessage());
    }

    @Test
    void aMissingFileSaysWhatToDo(@TempDir Path folder) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> JobSettings.load(folder.resolve("nope.properties")));
        assertTrue(e.getMessage().contains("--settings"), e.getMessage());
    }
}
