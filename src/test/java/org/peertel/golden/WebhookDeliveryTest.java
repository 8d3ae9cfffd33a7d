package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.delivery.AlertDelivery;
import org.peertel.delivery.DeliveryReport;
import org.peertel.delivery.DeliverySettings;
import org.peertel.store.TelemetryStore;

/**
 * Delivery of the golden week's incident changes to a webhook, a real HTTP server: one document per day, oldest
 * first, exactly once in effect, through a receiver that is down, fails, refuses or is slow. The week's changes:
 * 03-02 1, 03-03 2, 03-04 2, 03-05 2, 03-06 3, 03-07 4 (see alerts/ of the expected files).
 */
class WebhookDeliveryTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final List<String> DAYS =
            List.of("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void everyDayIsOneDocumentOfItsChangesAndARerunThatChangesNothingSendsNothing() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // when
            PeertelCall week = runWeek(receiver.url(), "");

            // then
            assertThat(week.out()).contains("delivery: 0 pending");
            List<JsonNode> documents = documents(receiver);
            assertThat(documents).extracting(d -> d.get("day").asText()).containsExactlyElementsOf(DAYS);
            assertThat(documents).extracting(d -> d.get("changes").size()).containsExactly(1, 2, 2, 2, 3, 4);
            JsonNode first = documents.get(0);
            assertEquals("peertel", first.get("source").asText());
            JsonNode opened = first.get("changes").get(0);
            assertEquals(
                    "2026-03-02/globex-fra/HIGH_MEDIAN/opened/2026-03-02",
                    opened.get("key").asText());
            assertEquals("CRITICAL", opened.get("severity").asText());
            assertThat(receiver.posts().get(0).body())
                    .as("figures as the alert files write them")
                    .contains("\"observed_ms\":227.807,\"threshold_ms\":200.000,");
            JsonNode resolved = documents.get(1).get("changes").get(1);
            assertEquals(
                    "2026-03-02/globex-fra/HIGH_MEDIAN/resolved/2026-03-03",
                    resolved.get("key").asText());
            assertEquals("2026-03-03", resolved.get("resolved_on").asText());
            assertThat(resolved.get("message").asText()).startsWith("did not fire on 2026-03-03; last: median");
            assertThat(Files.readString(work.resolve("out/runs/2026-03-07.json")))
                    .contains("  \"alerts\": 2,\n  \"delivery\": {\"pending\": 0, \"failed\": 0},\n");

            // when: a day again, with the same input
            PeertelCall again = PeertelCall.succeeding(command(settings(receiver.url(), ""), "--date", "2026-03-04"));

            // then
            assertThat(again.out()).contains("delivery: 0 pending");
            assertEquals(6, receiver.posts().size(), "nothing new to tell");
        }
    }

    @Test
    void aRerunThatChangesADaysStorySendsOnlyTheChangesWhoseContentDiffers() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // given: the week delivered with the shipped thresholds
            runWeek(receiver.url(), "");
            assertEquals(6, receiver.posts().size());

            // when: acme-nyc's WARNING threshold is raised to 140 ms (its 149.043 ms median of 03-03 still fires, with
            // another threshold and message) and 03-03 is run again
            Path settings = settings(receiver.url(), "");
            Files.writeString(work.resolve("alerts.properties"), "connection.acme-nyc.high_median.warning_ms = 140\n");
            PeertelCall.succeeding(command(settings, "--date", "2026-03-03"));

            // then: the opening on 03-03 and the resolution on 03-04 (whose message quotes it) again, nothing else
            List<JsonNode> again =
                    documents(receiver).subList(6, receiver.posts().size());
            List<String> keys = new ArrayList<>();
            again.forEach(
                    d -> d.get("changes").forEach(c -> keys.add(c.get("key").asText())));
            assertThat(again).extracting(d -> d.get("day").asText()).containsExactly("2026-03-03", "2026-03-04");
            assertThat(keys)
                    .containsExactly(
                            "2026-03-03/acme-nyc/HIGH_MEDIAN/opened/2026-03-03",
                            "2026-03-03/acme-nyc/HIGH_MEDIAN/resolved/2026-03-04");
            assertThat(receiver.posts().get(6).body()).contains("\"threshold_ms\":140.000,");
        }
    }

    @Test
    void eachBodyIsSignedWithTheSecretOfTheEnvironment() throws Exception {
        // given: the week run with the receiver registered, delivered afterwards with a secret
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Path db = work.resolve("t.duckdb");
            DeliverySettings settings = DeliverySettings.load(settings(receiver.url(), ""));
            try (TelemetryStore store = TelemetryStore.open(db)) {
                AlertDelivery.register(store, settings);
            }
            GoldenJobTest.run(CASE, work.resolve("out"), db, "--from", DAYS.get(0), "--to", DAYS.get(5));

            // when
            DeliveryReport report;
            try (TelemetryStore store = TelemetryStore.open(db)) {
                report = AlertDelivery.deliver(store, settings, Map.of("PEERTEL_WEBHOOK_SECRET", "s3cret"));
            }

            // then
            assertEquals(0, report.pending());
            assertThat(receiver.posts())
                    .hasSize(6)
                    .allSatisfy(post -> assertEquals(
                            "sha256=" + hmacSha256Hex("s3cret", post.body()), post.signature(), post.body()));
        }
    }

    @Test
    void aReceiverDownForTheFirstRunGetsEverythingOnTheNextInOrder() throws Exception {
        // given: a port where nothing listens yet
        int port = WebhookReceiver.portNobodyListensOn();
        String url = "http://127.0.0.1:" + port + "/hook";

        // when
        PeertelCall week = runWeek(url, "alerting.retries = 1\n");

        // then: the days completed, exit 0, and the changes wait
        assertThat(week.out()).contains("delivery: 14 pending").contains("unreachable");
        assertThat(Files.readString(work.resolve("out/runs/2026-03-02.json")))
                .contains("\"delivery\": {\"pending\": 14, \"failed\": 0}");

        // when: the receiver is back, and the next run (of another day) delivers
        try (WebhookReceiver receiver = WebhookReceiver.start(port)) {
            PeertelCall next = PeertelCall.succeeding(command(settings(url, ""), "--date", "2026-03-07"));

            // then
            assertThat(next.out()).contains("delivery: 0 pending");
            assertThat(documents(receiver))
                    .extracting(d -> d.get("day").asText())
                    .containsExactlyElementsOf(DAYS);
        }
    }

    @Test
    void peertelAlertsDeliverSendsWhatIsPendingWithoutARun() throws Exception {
        // given: the week run while the receiver was down
        int port = WebhookReceiver.portNobodyListensOn();
        String url = "http://127.0.0.1:" + port + "/hook";
        assertThat(runWeek(url, "alerting.retries = 0\n").out()).contains("delivery: 14 pending");

        try (WebhookReceiver receiver = WebhookReceiver.start(port)) {
            // when
            PeertelCall deliver = PeertelCall.succeeding(List.of(
                    "alerts",
                    "--deliver",
                    "--settings",
                    settings(url, "").toString(),
                    "--db",
                    work.resolve("t.duckdb").toString()));

            // then: sent oldest first, and the open incidents listed after
            assertThat(deliver.out()).contains("delivery: 0 pending").contains("2026-03-07/initech-lon/REGRESSION");
            assertThat(documents(receiver))
                    .extracting(d -> d.get("day").asText())
                    .containsExactlyElementsOf(DAYS);
        }
    }

    @Test
    void a500IsTriedAgainAndA400IsRecordedAsFailedAndNotSentAgain() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(500, 200, 400)) {
            // when: 03-02 fails once then arrives; 03-03 is refused
            PeertelCall week = runWeek(receiver.url(), "alerting.retries = 2\n");

            // then
            List<JsonNode> documents = documents(receiver);
            assertThat(documents)
                    .extracting(d -> d.get("day").asText())
                    .containsExactly(
                            DAYS.get(0), DAYS.get(0), DAYS.get(1), DAYS.get(2), DAYS.get(3), DAYS.get(4), DAYS.get(5));
            assertThat(week.out())
                    .contains("refused the changes of 2026-03-03: HTTP 400: no: status 400")
                    .contains("delivery: 0 pending, 2 failed");

            // when: the next run
            PeertelCall.succeeding(command(settings(receiver.url(), ""), "--date", "2026-03-07"));

            // then: the refused day is not sent again
            assertEquals(7, receiver.posts().size());
        }
    }

    @Test
    void aSlowReceiverIsGivenUpAfterTheTimeoutAndItsRetries() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().slow(4_000)) {
            // when
            long started = System.nanoTime();
            PeertelCall week = runWeek(receiver.url(), "alerting.timeout-seconds = 1\nalerting.retries = 1\n");
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            // then: two attempts at the first day, then the rest waits
            assertThat(week.out()).contains("no answer within 1 s").contains("delivery: 14 pending");
            assertThat(receiver.posts()).hasSize(2);
            assertThat(seconds)
                    .as("the run does not wait for the slow receiver")
                    .isLessThan(60);
        }
    }

    private PeertelCall runWeek(String url, String moreSettings) throws Exception {
        return PeertelCall.succeeding(command(settings(url, moreSettings), "--from", DAYS.get(0), "--to", DAYS.get(5)));
    }

    private List<String> command(Path settings, String... days) {
        List<String> options = new ArrayList<>(List.of(days));
        options.addAll(List.of("--settings", settings.toString()));
        return GoldenJobTest.runArguments(
                CASE, work.resolve("out"), work.resolve("t.duckdb"), options.toArray(String[]::new));
    }

    private Path settings(String url, String more) throws Exception {
        Path alerts = Files.writeString(work.resolve("alerts.properties"), "");
        return Files.writeString(
                work.resolve("telemetry.properties"),
                "alerts = " + alerts + "\nalerting.webhook-url = " + url + "\n" + more);
    }

    private static List<JsonNode> documents(WebhookReceiver receiver) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        for (WebhookReceiver.Post post : receiver.posts()) {
            documents.add(JSON.readTree(post.body()));
        }
        return documents;
    }

    private static String hmacSha256Hex(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
