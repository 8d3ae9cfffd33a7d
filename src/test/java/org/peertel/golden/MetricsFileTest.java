package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;

/**
 * The metrics file ({@code metrics.textfile}) after real runs through the real command line: Prometheus' own parser
 * accepts it ({@code promtool check metrics}, from Debian's {@code prometheus} package, which {@code .ci/run}
 * installs; without promtool this test is skipped with a message, except in CI, CI=true, where it fails), and it
 * holds the values of the run: the counts of {@code runs/<date>.json}, the exit code of the last attempt, the steps.
 */
class MetricsFileTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    private Path metrics;

    @BeforeEach
    void settings() throws IOException {
        metrics = work.resolve("textfile/peertel.prom");
        Files.writeString(
                work.resolve("telemetry.properties"),
                "alerts = " + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\nmetrics.textfile = "
                        + metrics + "\n");
    }

    @Test
    void afterEachAttemptTheFileSaysWhatRanInAFormPrometheusReads() throws Exception {
        // when
        int code = run("--from", "2026-03-02", "--to", "2026-03-03");

        // then
        assertThat(code).isZero();
        assertThat(promtool(metrics)).isEmpty();
        Map<String, String> samples = samples(metrics);
        String json = Files.readString(work.resolve("out/runs/2026-03-03.json"));
        assertThat(samples)
                .containsEntry("peertel_last_attempt_exit_code", "0")
                .containsEntry("peertel_last_attempt_outcome{outcome=\"completed\"}", "1")
                .containsEntry("peertel_last_attempt_outcome{outcome=\"not_started\"}", "0")
                .containsEntry("peertel_job_repository_readable", "1")
                .containsEntry("peertel_attempt_log_malformed_lines", "0")
                .containsEntry("peertel_last_day_timestamp_seconds", epochSecond("2026-03-03"))
                .containsEntry("peertel_last_day_rows_read", number(json, "rows_read"))
                .containsEntry("peertel_last_day_rows{result=\"attributed\"}", number(json, "attributed"))
                .containsEntry("peertel_last_day_rows{result=\"no_prefix\"}", number(json, "no_prefix"))
                .containsEntry("peertel_last_day_rows{result=\"location_mismatch\"}", number(json, "location_mismatch"))
                .containsEntry("peertel_last_day_rows{result=\"rejected\"}", Long.toString(rejected(json)))
                .containsEntry("peertel_last_day_alerts", number(json, "alerts"))
                .containsEntry("peertel_last_day_skipped_files", "0")
                .containsKeys(
                        "peertel_last_attempt_end_timestamp_seconds",
                        "peertel_last_success_timestamp_seconds",
                        "peertel_missing_dates");
        for (String step : List.of("attributeStep", "publishStep", "alertStep", "reportStep")) {
            assertThat(Double.parseDouble(samples.get("peertel_last_day_step_duration_seconds{step=\"" + step + "\"}")))
                    .as(step)
                    .isGreaterThan(0);
        }

        // when: the next attempt cannot start (no input folder)
        int refused = run("--date", "2026-03-09");

        // then: the file says so; the newest completed day is still the one above
        assertThat(refused).isEqualTo(2);
        assertThat(promtool(metrics)).isEmpty();
        assertThat(samples(metrics))
                .containsEntry("peertel_last_attempt_exit_code", "2")
                .containsEntry("peertel_last_attempt_outcome{outcome=\"not_started\"}", "1")
                .containsEntry("peertel_last_attempt_outcome{outcome=\"completed\"}", "0")
                .containsEntry("peertel_last_day_timestamp_seconds", epochSecond("2026-03-03"));
        try (var files = Files.list(metrics.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("peertel.prom");
        }
    }

    @Test
    void aJobRepositoryThatCannotBeReachedLeavesTheAttemptAndSaysTheRestIsMissing() throws Exception {
        // given: a job repository on a server that is not there (port 1 of this machine)
        Files.writeString(
                work.resolve("telemetry.properties"),
                "job-repository.url = jdbc:postgresql://127.0.0.1:1/peertel\n",
                java.nio.file.StandardOpenOption.APPEND);

        // when
        int code = run("--date", "2026-03-02");

        // then
        assertThat(code).isEqualTo(2);
        assertThat(promtool(metrics)).isEmpty();
        assertThat(samples(metrics))
                .containsEntry("peertel_last_attempt_exit_code", "2")
                .containsEntry("peertel_job_repository_readable", "0")
                .doesNotContainKeys("peertel_last_success_timestamp_seconds", "peertel_missing_dates");
    }

    /** {@code peertel run} with these day options, on this test's folder and settings. */
    private int run(String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--settings",
                work.resolve("telemetry.properties").toString(),
                "--connections",
                CASE.resolve("input/connections.csv").toString(),
                "--input",
                CASE.resolve("input/latency").toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        args.addAll(List.of(days));
        return SampleBgpOff.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
    }

    /**
     * What {@code promtool check metrics} says about the file: empty when it accepts it with no lint problem. Skips
     * the test when promtool is not installed, unless CI=true, where it fails.
     */
    static String promtool(Path file) throws InterruptedException {
        assertThat(file).as("the metrics file").isRegularFile(); // so that a failed start can only mean no promtool
        Process promtool;
        try {
            promtool = new ProcessBuilder("promtool", "check", "metrics")
                    .redirectInput(file.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException missing) {
            String message = "promtool is not installed (" + missing.getMessage() + "); install Debian's prometheus "
                    + "package (apt-get install --no-install-recommends prometheus) to check the metrics file";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so .ci/run should have installed promtool, but " + message);
            }
            Assumptions.abort(message);
            return null;
        }
        String said;
        try {
            said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return promtool.exitValue() == 0 ? said.strip() : "exit " + promtool.exitValue() + ": " + said;
    }

    /** Every sample of a metrics file: name with labels → value. */
    static Map<String, String> samples(Path file) throws IOException {
        Map<String, String> samples = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return samples;
    }

    private static String epochSecond(String day) {
        return Long.toString(LocalDate.parse(day).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
    }

    /** A whole-number member of runs/<date>.json. */
    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\\d+)").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    /** The sum of the "rejected" object of runs/<date>.json. */
    private static long rejected(String json) {
        Matcher block =
                Pattern.compile("\"rejected\": \\{(.*?)}", Pattern.DOTALL).matcher(json);
        assertThat(block.find()).isTrue();
        Matcher counts = Pattern.compile(": (\\d+)").matcher(block.group(1));
        long sum = 0;
        while (counts.find()) {
            sum += Long.parseLong(counts.group(1));
        }
        return sum;
    }
}
