package org.peertel.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.config.ConfigurationException;

/** {@code metrics.textfile}, and how the metrics count the days missing. */
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

    static Stream<Arguments> horizons() {
        return Stream.of(
                Arguments.of("a new installation misses only yesterday", Set.of(), 7, 1),
                Arguments.of("every day of the horizon completed", days(1, 7), 7, 0),
                Arguments.of("yesterday and the day before missing", days(3, 9), 7, 2),
                Arguments.of("gaps inside the horizon", Set.of(day(1), day(2), day(4), day(9)), 7, 4),
                Arguments.of("days before the first completed one are not missing", days(1, 3), 7, 0),
                Arguments.of("nothing since long ago: the whole horizon", Set.of(day(30)), 7, 7),
                Arguments.of("a horizon of one day", days(2, 5), 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("horizons")
    void daysMissingAreTheDaysTheCatchUpWouldProcess(
            String description, Set<LocalDate> completed, int horizon, int missing) {
        assertThat(NightlyMetrics.daysMissing(new TreeSet<>(completed), day(1), horizon))
                .isEqualTo(missing);
    }

    /** {@code n} days before 2026-12-07, so day(1) is yesterday. */
    private static LocalDate day(int n) {
        return LocalDate.parse("2026-12-07").minusDays(n);
    }

    private static Set<LocalDate> days(int from, int to) {
        Set<LocalDate> days = new TreeSet<>();
        for (int n = from; n <= to; n++) {
            days.add(day(n));
        }
        return days;
    }
}
