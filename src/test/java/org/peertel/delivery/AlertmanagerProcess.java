package org.peertel.delivery;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.peertel.ServerProcesses;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager} 0.25) on a free loopback port, for the
 * tests of alert delivery: they post to the same API v2 a production Alertmanager serves, instead of to a mock that
 * only agrees with what we think it does. Clustering is off and its state lives in {@code am-data} under the given
 * folder, beside its config and its log ({@code alertmanager.log}, quoted when it fails to start).
 *
 * <p>The test is skipped, saying how to install it, where the binary is missing, except under CI=true, where it
 * fails ({@code .ci/run} installs it). The package must be installed, not its binary copied: Alertmanager reads the
 * package's notification templates. {@link #close()} stops the process and waits for its end, so nothing is left
 * listening.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    static final List<String> NAMES = List.of("prometheus-alertmanager", "alertmanager");
    static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final Duration READY_WITHIN = Duration.ofSeconds(20);
    static final Duration STOP_WITHIN = Duration.ofSeconds(10);
    static final int START_ATTEMPTS = 3;

    /**
     * One route to one receiver without notifiers: the tests read what Alertmanager holds through its API. Short
     * group waits so that a notification, if a test adds a webhook, comes within seconds.
     */
    static final String CONFIG = """
            route:
              receiver: hook
              group_by: [alertname, connection_id]
              group_wait: 1s
              group_interval: 2s
            receivers:
              - name: hook
            """;

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** An alert as {@code GET /api/v2/alerts} lists it; times as Alertmanager writes them (RFC 3339, milliseconds). */
    public record ActiveAlert(
            Map<String, String> labels, Map<String, String> annotations, String startsAt, String endsAt) {}

    private final Process process;
    private final URI baseUri;
    private final HttpClient http;
    private final Thread stopAtExit;

    private AlertmanagerProcess(Process process, URI baseUri, HttpClient http) {
        this.process = process;
        this.baseUri = baseUri;
        this.http = http;
        // Only for a JVM that ends without close() (a test killed halfway): no Alertmanager outlives it.
        this.stopAtExit = new Thread(process::destroyForcibly, "stop-alertmanager-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts Alertmanager with its config, storage and log in {@code workFolder} and returns once it is ready. A port
     * taken between choosing it and Alertmanager binding it is retried with another.
     */
    public static AlertmanagerProcess start(Path workFolder) throws IOException, InterruptedException {
        Path binary = binary();
        Path config = Files.writeString(Files.createDirectories(workFolder).resolve("am.yml"), CONFIG);
        Path storage = Files.createDirectories(workFolder.resolve("am-data"));
        Path log = workFolder.resolve("alertmanager.log");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int attempt = 1; ; attempt++) {
            int port = ServerProcesses.freePort();
            Process process = new ProcessBuilder(
                            binary.toString(),
                            "--config.file=" + config,
                            "--storage.path=" + storage,
                            "--web.listen-address=127.0.0.1:" + port,
                            "--cluster.listen-address=") // empty: no cluster, so no gossip port to bind
                    .directory(workFolder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())) // every attempt's log kept
                    .start();
            process.getOutputStream().close();
            URI baseUri = URI.create("http://127.0.0.1:" + port);
            boolean ready;
            try {
                ready = awaitReady(process, baseUri, http);
            } catch (InterruptedException | RuntimeException e) {
                stop(process); // an interrupted start leaves nothing running either
                throw e;
            }
            if (ready) {
                return new AlertmanagerProcess(process, baseUri, http);
            }
            String end = howItFailed(process); // before stop(), whose SIGTERM would end it too
            stop(process);
            String tail = tail(log);
            if (attempt < START_ATTEMPTS && tail.contains("address already in use")) {
                continue;
            }
            throw new IllegalStateException(
                    "Alertmanager (" + binary + ") on port " + port + " " + end + "; end of " + log + ":\n" + tail);
        }
    }

    /** {@code http://127.0.0.1:PORT}, where the API and {@code /-/ready} are. */
    public URI baseUri() {
        return baseUri;
    }

    /** The process id, for a test to check that {@link #close()} ended it. */
    public long pid() {
        return process.pid();
    }

    /** The body of {@code GET /api/v2/alerts} for active alerts only (neither silenced nor inhibited), as sent. */
    public String activeAlertsJson() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(baseUri.resolve("/api/v2/alerts?active=true&silenced=false&inhibited=false"))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET /api/v2/alerts answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The active alerts, with the fields a test compares (Alertmanager's others, such as fingerprint, dropped). */
    public List<ActiveAlert> activeAlerts() throws IOException, InterruptedException {
        try {
            return JSON.readValue(activeAlertsJson(), new TypeReference<List<ActiveAlert>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GET /api/v2/alerts did not answer a list of alerts", e);
        }
    }

    /** Stops Alertmanager (SIGTERM, then SIGKILL after 10 s) and waits until it has ended. */
    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook is harmless now that the process has ended
        }
    }

    private static void stop(Process process) {
        ServerProcesses.stop(process, STOP_WITHIN);
    }

    /** The binary on PATH under either name, else Debian's path; skips the test (or, under CI=true, fails) if none. */
    private static Path binary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<Path> found = NAMES.stream()
                .flatMap(name -> Stream.of(path.split(File.pathSeparator))
                        .filter(folder -> !folder.isEmpty())
                        .map(folder -> Path.of(folder, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .or(() -> Optional.of(DEBIAN_BINARY).filter(Files::isExecutable));
        if (found.isEmpty()) {
            String missing = "no Alertmanager (neither " + String.join(" nor ", NAMES) + " on PATH, nor "
                    + DEBIAN_BINARY + "): install Debian's prometheus-alertmanager (apt-get install "
                    + "prometheus-alertmanager; .ci/run does) to run the tests against a real Alertmanager";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so .ci/run should have installed it, but " + missing);
            }
            Assumptions.assumeTrue(false, missing);
        }
        return found.orElseThrow();
    }

    /** Polls {@code /-/ready} until it answers 200 (true), the process ends, or the time is up (false). */
    private static boolean awaitReady(Process process, URI baseUri, HttpClient http) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(baseUri.resolve("/-/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // connection refused until it has bound the port
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String howItFailed(Process process) {
        return process.isAlive()
                ? "was not ready after " + READY_WITHIN.toSeconds() + " s"
                : "exited with code " + process.exitValue() + " before it was ready";
    }

    /** The last 40 lines of the log. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
