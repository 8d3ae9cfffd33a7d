package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.bgp.MrtUpdateFile;
import org.peertel.delivery.AlertmanagerProcess;
import org.peertel.delivery.AlertmanagerProcess.ActiveAlert;

/**
 * Critical and Warning prefix events reach the alert receivers as incidents, through {@code peertel run --bgp} with a
 * real webhook receiver and a real Alertmanager. The sample week's latency, a registry that adds docnet-1
 * (203.0.113.128/25, origin 64500) and hand-made MRT update files: on 2026-11-20 three peers take up the
 * more-specific 203.0.113.192/26 from AS64666 at 10:00 and hold it at the day's end; on 2026-11-21 they announce it
 * again at 00:00:10 and withdraw it at 01:00.
 */
class EventDeliveryTest {

    static final String INCIDENT = "docnet-1/PrefixMoreSpecificOriginAsEvent/203.0.113.192/26/64666";
    static final long DAY_1 = Instant.parse("2026-11-20T00:00:00Z").getEpochSecond();
    static final long DAY_2 = Instant.parse("2026-11-21T00:00:00Z").getEpochSecond();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aHijackOpensContinuesAndResolvesInBothReceiversAndARerunSendsNothingNew() throws Exception {
        try (WebhookReceiver webhook = WebhookReceiver.start();
                AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work.resolve("am"))) {
            // given (no latency thresholds of its own: the settings' alerts file is empty)
            Files.writeString(work.resolve("alerts.properties"), "");
            Path settings = Files.writeString(
                    work.resolve("telemetry.properties"),
                    "alerting.webhook-url = " + webhook.url() + "\nalerting.alertmanager-url = "
                            + alertmanager.baseUri() + "\n");
            hijack(DAY_1 + 36_000, false).write(dayFolder("2026-11-20").resolve("updates.0000"));
            hijack(DAY_2 + 10, true).write(dayFolder("2026-11-21").resolve("updates.0000"));

            // when: the first day
            PeertelCall.succeeding(run(settings, "2026-11-20"));

            // then: opened, and an active alert of its own prefix and origin
            List<JsonNode> first = eventChanges(webhook, 0);
            assertThat(first).hasSize(1);
            JsonNode opened = first.get(0);
            assertEquals(INCIDENT + "/opened/2026-11-20", opened.get("key").asText());
            assertEquals(INCIDENT, opened.get("incident_id").asText());
            assertEquals("opened", opened.get("change").asText());
            assertEquals("docnet", opened.get("customer_id").asText());
            assertEquals("DocNet Berlin", opened.get("connection_name").asText());
            assertEquals("PrefixMoreSpecificOriginAsEvent", opened.get("rule").asText());
            assertEquals("CRITICAL", opened.get("severity").asText());
            assertThat(opened.get("observed_ms").isNull()).isTrue();
            assertEquals("2026-11-20", opened.get("opened_on").asText());
            assertThat(opened.get("resolved_on").isNull()).isTrue();
            assertEquals("203.0.113.128/25", opened.get("registered_prefix").asText());
            assertEquals("203.0.113.192/26", opened.get("prefix").asText());
            assertEquals("64666", opened.get("origin_asn").asText());
            assertEquals("2026-11-20T10:00:00Z", opened.get("start_time").asText());
            assertThat(opened.get("end_time").isNull()).isTrue();
            assertEquals(3, opened.get("peers_max").asInt());
            assertEquals("2026-11-20/" + INCIDENT + "/1", opened.get("event_id").asText());
            assertThat(opened.get("message").asText()).startsWith("203.0.113.192/26, a more-specific of");
            List<ActiveAlert> active = docnetAlerts(alertmanager);
            assertThat(active).hasSize(1);
            assertEquals(
                    Map.of(
                            "alertname", "PrefixMoreSpecificOriginAsEvent",
                            "connection_id", "docnet-1",
                            "customer_id", "docnet",
                            "source", "peertel",
                            "prefix", "203.0.113.192/26",
                            "origin_asn", "64666"),
                    active.get(0).labels());
            assertEquals("CRITICAL", active.get(0).annotations().get("severity"));
            assertEquals(
                    "2026-11-20/" + INCIDENT + "/1", active.get(0).annotations().get("event_id"));

            // when: the second day
            PeertelCall.succeeding(run(settings, "2026-11-21"));

            // then: continuing (opened the day before) and resolved; no longer active
            List<JsonNode> second = eventChanges(webhook, 1);
            assertThat(second)
                    .extracting(c -> c.get("key").asText())
                    .containsExactly(INCIDENT + "/continuing/2026-11-21", INCIDENT + "/resolved/2026-11-21");
            assertThat(second).extracting(c -> c.get("opened_on").asText()).containsOnly("2026-11-20");
            assertEquals("2026-11-21", second.get(1).get("resolved_on").asText());
            assertEquals("2026-11-21T01:00:02Z", second.get(1).get("end_time").asText(), "the last peer's withdrawal");
            assertThat(docnetAlerts(alertmanager)).isEmpty();

            // when: the second day again, with the same folder
            int posts = webhook.posts().size();
            PeertelCall again = PeertelCall.succeeding(run(settings, "2026-11-21"));

            // then
            assertThat(again.out()).contains("delivery: 0 pending");
            assertEquals(posts, webhook.posts().size(), "nothing new to tell");

            // when: late data takes the first day's hijack away (only the connection's own route is left)
            new MrtUpdateFile()
                    .announce(DAY_1 + 36_000, 65001, "203.0.113.128/25", 65001, 64500)
                    .write(dayFolder("2026-11-20").resolve("updates.0000"));
            PeertelCall.succeeding(run(settings, "2026-11-20"));

            // then: receivers that were told it opened are told it is over
            List<JsonNode> withdrawn = eventChanges(webhook, posts);
            assertThat(withdrawn).hasSize(1);
            assertEquals(
                    INCIDENT + "/resolved/2026-11-20",
                    withdrawn.get(0).get("key").asText());
            assertEquals("2026-11-20", withdrawn.get(0).get("resolved_on").asText());
            assertThat(withdrawn.get(0).get("message").asText())
                    .startsWith("no longer seen when 2026-11-20 was computed again; was: 203.0.113.192/26");
        }
    }

    /** Three peers announce the hijack from {@code start} on, one second apart; withdrawn from 01:00 on when asked. */
    private static MrtUpdateFile hijack(long start, boolean withdrawn) {
        MrtUpdateFile file = new MrtUpdateFile();
        for (int p = 1; p <= 3; p++) {
            file.announce(start + p - 1, 65000 + p, "203.0.113.192/26", 65000 + p, 64666);
        }
        if (withdrawn) {
            for (int p = 1; p <= 3; p++) {
                file.withdraw(DAY_2 + 3600 + p - 1, 65000 + p, "203.0.113.192/26");
            }
        }
        return file;
    }

    private Path dayFolder(String day) throws Exception {
        return Files.createDirectories(work.resolve("bgp").resolve(day));
    }

    /** The event changes of the webhook's document number {@code post}. */
    private static List<JsonNode> eventChanges(WebhookReceiver webhook, int post) throws Exception {
        assertThat(webhook.posts()).hasSizeGreaterThan(post);
        List<JsonNode> changes = new ArrayList<>();
        JSON.readTree(webhook.posts().get(post).body()).get("changes").forEach(c -> {
            if (c.has("event_id")) {
                changes.add(c);
            }
        });
        return changes;
    }

    private static List<ActiveAlert> docnetAlerts(AlertmanagerProcess alertmanager) throws Exception {
        return alertmanager.activeAlerts().stream()
                .filter(a -> "docnet-1".equals(a.labels().get("connection_id")))
                .filter(a -> a.labels().containsKey("prefix"))
                .toList();
    }

    /** The sample week's {@code day} with BGP on, the registry with docnet-1 added. */
    private List<String> run(Path settings, String day) throws Exception {
        Path connections = work.resolve("connections.csv");
        if (!Files.exists(connections)) {
            // the sample registry ends with origin_asns
            StringBuilder registry = new StringBuilder(Files.readString(Path.of("sample-data/connections.csv")));
            registry.append("docnet-1,docnet,DocNet Berlin,BCIX,DE,,203.0.113.128/25,64500\n");
            Files.writeString(connections, registry);
        }
        return List.of(
                "run",
                "--date",
                day,
                "--settings",
                settings.toString(),
                "--connections",
                connections.toString(),
                "--input",
                "sample-data/latency",
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString(),
                "--bgp",
                work.resolve("bgp").toString());
    }
}
