package org.peertel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.delivery.AlertmanagerProcess.ActiveAlert;

/**
 * The harness against the real Alertmanager: a posted alert is listed with its labels and annotations, re-posting it
 * with endsAt = now resolves it, and after close nothing listens on its port and its process has ended.
 */
class AlertmanagerProcessTest {

    static final Map<String, String> LABELS =
            Map.of("alertname", "TEST_RULE", "connection_id", "c1", "customer_id", "k1", "source", "peertel");
    static final Map<String, String> ANNOTATIONS =
            Map.of("severity", "WARNING", "message", "c1: median latency above the threshold");
    static final Duration RESOLVED_WITHIN = Duration.ofSeconds(10);

    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void listsAPostedAlertUntilItIsResolvedAndLeavesNothingRunning() throws Exception {
        // Milliseconds, because Alertmanager keeps (and writes back) times to the millisecond.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant startsAt = now.minus(Duration.ofHours(1));
        Instant endsAt = now.plus(Duration.ofHours(26));
        AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work);
        URI baseUri = alertmanager.baseUri();
        try (alertmanager) {
            // when: an alert that ends in 26 h
            assertThat(post(baseUri, startsAt, endsAt)).isEqualTo(200);

            // then: it is listed, exactly as posted
            List<ActiveAlert> active = alertmanager.activeAlerts();
            assertThat(active).hasSize(1);
            ActiveAlert alert = active.get(0);
            assertThat(alert.labels()).isEqualTo(LABELS);
            assertThat(alert.annotations()).isEqualTo(ANNOTATIONS);
            // compared as instants: Alertmanager writes ".000Z" where Instant.toString() leaves the fraction out
            assertThat(Instant.parse(alert.startsAt())).isEqualTo(startsAt);
            assertThat(Instant.parse(alert.endsAt())).isEqualTo(endsAt);

            // when: the same labels again with endsAt = now, which is how a sender resolves an alert
            assertThat(post(baseUri, startsAt, Instant.now())).isEqualTo(200);

            // then: it leaves the active list (polled: the API gives no promise of when)
            long deadline = System.nanoTime() + RESOLVED_WITHIN.toNanos();
            while (!alertmanager.activeAlerts().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(alertmanager.activeAlerts()).isEmpty();
            assertThat(alertmanager.activeAlertsJson()).isEqualTo("[]\n"); // the API ends its JSON with a newline
        }

        // then: closed, its process has ended and nothing accepts connections on its port
        assertThat(ProcessHandle.of(alertmanager.pid()).filter(ProcessHandle::isAlive))
                .isEmpty();
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(baseUri.getHost(), baseUri.getPort()), 1000);
                    }
                })
                .isInstanceOf(ConnectException.class);
    }

    /** Posts the test alert to {@code /api/v2/alerts}, as a sender would; returns the status code. */
    int post(URI baseUri, Instant startsAt, Instant endsAt) throws Exception {
        String body = new ObjectMapper()
                .writeValueAsString(List.of(Map.of(
                        "labels",
                        LABELS,
                        "annotations",
                        ANNOTATIONS,
                        "startsAt",
                        startsAt.toString(),
                        "endsAt",
                        endsAt.toString())));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(baseUri.resolve("/api/v2/alerts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
