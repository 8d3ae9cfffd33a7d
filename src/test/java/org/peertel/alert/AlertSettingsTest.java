package org.peertel.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.config.ConfigurationException;

class AlertSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theShippedFileHoldsTheDocumentedDefaults() {
        AlertSettings settings = AlertSettings.load(Path.of("jobs/telemetry/alerts.properties"));
        assertEquals(AlertRules.defaults(), settings.defaults());
        assertTrue(settings.overriddenConnections().isEmpty());
    }

    @Test
    void overridesApplyToOneConnectionOnTopOfTheDefaults() throws IOException {
        Path file = write("high_median.warning_ms = 120\n"
                + "connection.acme-fra-1.high_median.warning_ms = 150\n"
                + "connection.acme-fra-1.no_data.enabled = false\n"
                + "connection.x.y.min_samples = 10\n");
        AlertSettings settings = AlertSettings.load(file);
        assertEquals(new BigDecimal("120"), settings.rulesFor("other").highMedianWarningMs());
        assertEquals(new BigDecimal("150"), settings.rulesFor("acme-fra-1").highMedianWarningMs());
        assertFalse(settings.rulesFor("acme-fra-1").noDataEnabled());
        assertEquals(200, settings.rulesFor("acme-fra-1").highMedianCriticalMs().intValue());
        assertEquals(10, settings.rulesFor("x.y").minSamples(), "connection ids may contain dots");
        assertEquals(2, settings.overriddenConnections().get("acme-fra-1"));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown setting", "min_sample = 3\n", ":1: min_sample = '3': unknown setting"),
                Arguments.of("not a number", "\nhigh_p95.warning_ms = fast\n", ":2: high_p95.warning_ms = 'fast'"),
                Arguments.of("zero threshold", "high_p95.warning_ms = 0\n", "positive decimal"),
                Arguments.of("bad flag", "no_data.enabled = yes\n", "expected true or false"),
                Arguments.of("bad override setting", "connection.a.median = 3\n", ":1: connection.a.median"),
                Arguments.of("line without equals", "min_samples 30\n", ":1: expected 'key = value'"),
                Arguments.of("key given twice", "min_samples = 3\nmin_samples = 4\n", "already set on line 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadValueNamesFileLineAndFix(String description, String content, String expected) throws IOException {
        Path file = write(content);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> AlertSettings.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(String content) throws IOException {
        Path file = folder.resolve("alerts.properties");
        Files.writeString(file, content);
        return file;
    }
}
