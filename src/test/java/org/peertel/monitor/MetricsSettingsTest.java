package org.peertel.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.config.ConfigurationException;

/** {@code metrics.textfile}. */
class MetricsSettingsTest {

    @TempDir
    Path work;

    @Test
    void theTextfileIsOffUnlessSetAndMustEndInProm() throws Exception {
        Path settings = work.resolve("telemetry.properties");
        Files.writeString(settings, "metrics.textfile =\n");
        assertThat(MetricsSettings.load(settings).on()).isFalse();
        assertThat(MetricsSettings.load(null).on()).isFalse();
        Files.writeString(settings, "chunk-size = 5\n");
        assertThat(MetricsSettings.load(settings).on()).isFalse();
        Files.writeString(settings, "metrics.textfile = /var/lib/node_exporter/textfile_collector/peertel.prom\n");
        assertThat(MetricsSettings.load(settings).textfile())
                .isEqualTo(Path.of("/var/lib/node_exporter/textfile_collector/peertel.prom"));
        Files.writeString(settings, "# metrics\nmetrics.textfile = /tmp/peertel.txt\n");
        assertThatThrownBy(() -> MetricsSettings.load(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(settings + ":2: metrics.textfile = '/tmp/peertel.txt': ")
                .hasMessageContaining("ends in .prom");
    }
}
