package org.peertel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.config.ConfigurationException;

/**
 * The remote settings of a job settings file ({@link RemoteSettings#load}): the values as given or their defaults,
 * and every bad or missing one refused naming the file, the line where there is one, and the fix.
 */
class RemoteSettingsTest {

    private static final String BROKER = "broker.url = tcp://broker.example.net:61616";

    @TempDir
    Path folder;

    /** A settings file of {@code lines}; {@code SHARED} in a line is replaced by an existing folder. */
    private Path settings(List<String> lines) throws IOException {
        Path shared = Files.createDirectories(folder.resolve("shared"));
        Path file = folder.resolve("telemetry.properties");
        Files.write(
                file,
                lines.stream()
                        .map(line -> line.replace("SHARED", shared.toString()))
                        .toList());
        return file;
    }

    @Test
    void theValuesAsGiven() throws IOException {
        // given
        Path file = settings(List.of(
                "# remote workers",
                BROKER,
                "shared.dir = SHARED",
                "workers.timeout = 90s",
                "workers.buckets = 128",
                "workers.bucket-min-bytes = 1MiB"));

        // when
        RemoteSettings remote = RemoteSettings.load(file);

        // then
        assertThat(remote.brokerUrl()).isEqualTo("tcp://broker.example.net:61616");
        assertThat(remote.sharedDir()).isEqualTo(folder.resolve("shared").toAbsolutePath());
        assertThat(remote.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(remote.buckets()).isEqualTo(128);
        assertThat(remote.bucketMinBytes()).isEqualTo(1L << 20);
        assertThat(remote.where()).isEqualTo(new RemoteSettings.Where(file + ":2", file + ":3"));
    }

    @Test
    void theDefaults() throws IOException {
        RemoteSettings remote = RemoteSettings.load(settings(List.of(BROKER, "shared.dir = SHARED")));

        assertThat(remote.timeout()).isEqualTo(Duration.ofMinutes(30)).isEqualTo(RemoteSettings.DEFAULT_TIMEOUT);
        assertThat(remote.buckets()).isEqualTo(64).isEqualTo(RemoteSettings.DEFAULT_BUCKETS);
        assertThat(remote.bucketMinBytes()).isEqualTo(64L << 20).isEqualTo(RemoteSettings.DEFAULT_BUCKET_MIN_BYTES);
        assertThat(remote.partitionsAtOnce()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aBucketsLeastSizeIsBytesOrASizeWithItsUnit() throws IOException {
        assertThat(RemoteSettings.load(settings(List.of(BROKER, "shared.dir = SHARED", "workers.bucket-min-bytes = 1")))
                        .bucketMinBytes())
                .isEqualTo(1);
        assertThat(RemoteSettings.load(
                                settings(List.of(BROKER, "shared.dir = SHARED", "workers.bucket-min-bytes = 2GB")))
                        .bucketMinBytes())
                .isEqualTo(2_000_000_000L);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("seconds", "workers.timeout = 90s", Duration.ofSeconds(90), 64),
                Arguments.of("minutes", "workers.timeout = 30m", Duration.ofMinutes(30), 64),
                Arguments.of("hours", "workers.timeout = 2h", Duration.ofHours(2), 64),
                Arguments.of("the longest", "workers.timeout = 999999s", Duration.ofSeconds(999_999), 64),
                Arguments.of("one bucket", "workers.buckets = 1", RemoteSettings.DEFAULT_TIMEOUT, 1),
                Arguments.of("the most buckets", "workers.buckets = 128", RemoteSettings.DEFAULT_TIMEOUT, 128),
                Arguments.of("leading zero", "workers.buckets = 032", RemoteSettings.DEFAULT_TIMEOUT, 32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void aValueParses(String description, String line, Duration timeout, int buckets) throws IOException {
        RemoteSettings remote = RemoteSettings.load(settings(List.of(BROKER, "shared.dir = SHARED", line)));

        assertThat(remote.timeout()).isEqualTo(timeout);
        assertThat(remote.buckets()).isEqualTo(buckets);
    }

    static Stream<Arguments> errors() {
        String durations = "expected a duration such as 90s, 30m or 2h";
        String buckets = "expected a whole number of buckets from 1 to 128, e.g. 64";
        String needBroker = "FILE: remote workers need broker.url, the Artemis broker's URL, e.g. "
                + "`broker.url = tcp://broker:61616`";
        String needShared = "FILE: remote workers need shared.dir, a folder every machine mounts at the same path, "
                + "e.g. `shared.dir = /mnt/peertel-shared`";
        String noFolder =
                "no such folder; create it (on a file system every machine mounts at this path) or give " + "another";
        return Stream.of(
                Arguments.of("no broker.url", List.of("shared.dir = SHARED"), needBroker),
                Arguments.of("an empty broker.url", List.of("broker.url =", "shared.dir = SHARED"), needBroker),
                Arguments.of(
                        "a URL not starting tcp://",
                        List.of("# the broker", "broker.url = http://broker:61616", "shared.dir = SHARED"),
                        "FILE:2: broker.url = 'http://broker:61616': expected an Artemis URL such as "
                                + "tcp://broker:61616"),
                Arguments.of("no shared.dir", List.of(BROKER), needShared),
                Arguments.of("an empty shared.dir", List.of(BROKER, "shared.dir ="), needShared),
                Arguments.of(
                        "a shared.dir that does not exist",
                        List.of(BROKER, "shared.dir = SHARED/missing"),
                        "FILE:2: shared.dir = 'SHARED/missing': " + noFolder),
                Arguments.of(
                        "a shared.dir that is a file",
                        List.of(BROKER, "shared.dir = FILE"),
                        "FILE:2: shared.dir = 'FILE': " + noFolder),
                Arguments.of(
                        "a timeout without a unit",
                        List.of(BROKER, "shared.dir = SHARED", "workers.timeout = 10"),
                        "FILE:3: workers.timeout = '10': " + durations),
                Arguments.of(
                        "a timeout of an unknown unit",
                        List.of(BROKER, "shared.dir = SHARED", "workers.timeout = 5x"),
                        "FILE:3: workers.timeout = '5x': " + durations),
                Arguments.of(
                        "a timeout of nothing",
                        List.of(BROKER, "shared.dir = SHARED", "workers.timeout = 0s"),
                        "FILE:3: workers.timeout = '0s': " + durations),
                Arguments.of(
                        "an empty timeout",
                        List.of(BROKER, "shared.dir = SHARED", "workers.timeout ="),
                        "FILE:3: workers.timeout = '': " + durations),
                Arguments.of(
                        "no bucket",
                        List.of(BROKER, "shared.dir = SHARED", "", "workers.buckets = 0"),
                        "FILE:4: workers.buckets = '0': " + buckets),
                Arguments.of(
                        "one bucket too many",
                        List.of(BROKER, "shared.dir = SHARED", "workers.buckets = 129"),
                        "FILE:3: workers.buckets = '129': " + buckets),
                Arguments.of(
                        "a bucket of no bytes",
                        List.of(BROKER, "shared.dir = SHARED", "workers.bucket-min-bytes = 0"),
                        "FILE:3: workers.bucket-min-bytes = '0': expected a size such as 64MiB or 1GB, or a number of "
                                + "bytes"),
                Arguments.of(
                        "buckets that are no number",
                        List.of(BROKER, "shared.dir = SHARED", "workers.buckets = many"),
                        "FILE:3: workers.buckets = 'many': " + buckets));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void aBadOrMissingValueIsRefusedWithFileLineAndFix(String description, List<String> lines, String message)
            throws IOException {
        // given: FILE in a line or in the message is the settings file itself
        Path file = folder.resolve("telemetry.properties");
        Path shared = folder.resolve("shared");
        Path settings = settings(lines.stream()
                .map(line -> line.replace("FILE", file.toString()))
                .toList());

        // when, then
        assertThatThrownBy(() -> RemoteSettings.load(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message.replace("FILE", file.toString()).replace("SHARED", shared.toString()));
    }

    @Test
    void noSettingsFileIsRefusedNamingWhatIsNeeded() {
        Path missing = folder.resolve("missing.properties");

        assertThatThrownBy(() -> RemoteSettings.load(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("remote workers need a settings file with broker.url and shared.dir; none was found at "
                        + missing + " (give --settings FILE)");
        assertThatThrownBy(() -> RemoteSettings.load(null))
                .as("no settings file in use")
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("remote workers need a settings file with broker.url and shared.dir; none is in use "
                        + "(give --settings FILE)");
        assertThatThrownBy(() -> RemoteSettings.load(folder))
                .as("a folder")
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("none was found at " + folder);
    }
}
