package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's command line. */
class SampleDataGeneratorMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SampleDataGenerator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void sampleCommandWritesTheSampleWeek(@TempDir Path dir) {
        assertThat(run("sample", dir.toString())).isZero();

        assertThat(dir.resolve("connections.csv")).exists();
        assertThat(dir.resolve("latency/2026-11-22/sjc1.csv.gz")).exists();
    }

    @Test
    void scaleCommandTakesEveryOption(@TempDir Path dir) throws Exception {
        assertThat(run("scale", dir.toString(), "--from", "2027-02-28", "--days", "2", "--connections", "12",
                "--rows-per-day", "1_000", "--files", "2", "--seed", "-5", "--gzip")).isZero();

        assertThat(GeneratedFiles.list(dir)).containsExactly("connections.csv",
                "latency/2027-02-28/ams1.csv.gz", "latency/2027-02-28/fra1.csv.gz",
                "latency/2027-03-01/ams1.csv.gz", "latency/2027-03-01/fra1.csv.gz");
        assertThat(Files.readAllLines(dir.resolve("connections.csv"))).hasSize(13);
    }

    @Test
    void scaleOptionsDefaultToAOneMillionRowWeek() {
        assertThat(SampleDataGenerator.parseScaleOptions(List.of()))
                .isEqualTo(new ScaleSettings(LocalDate.of(2026, 11, 16), 7, 1_000, 1_000_000, 4, 1, false));
    }

    @Test
    void badArgumentsExitWithStatusTwoAndUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("sample")).isEqualTo(2);
        assertThat(run("other", "out")).isEqualTo(2);
        assertThat(run("scale", "out", "--days")).isEqualTo(2);
        assertThat(run("scale", "out", "--days", "seven")).isEqualTo(2);
        assertThat(run("scale", "out", "--files", "0")).isEqualTo(2);
        assertThat(run("scale", "out", "--colour", "red")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:", "needs a whole number",
                "files must be in 1..1000", "unknown option --colour");
        assertThat(Path.of("out")).doesNotExist();
    }

    @Test
    void settingsRejectValuesOutsideTheirRange() {
        LocalDate day = LocalDate.of(2026, 11, 16);
        assertThatThrownBy(() -> new ScaleSettings(day, 0, 10, 10, 1, 1, false)).hasMessageContaining("days");
        assertThatThrownBy(() -> new ScaleSettings(day, 1, 0, 10, 1, 1, false)).hasMessageContaining("connections");
        assertThatThrownBy(() -> new ScaleSettings(day, 1, 10, -1, 1, 1, false)).hasMessageContaining("rowsPerDay");
        assertThatThrownBy(() -> new ScaleSettings(null, 1, 10, 10, 1, 1, false)).hasMessageContaining("from");
    }
}
