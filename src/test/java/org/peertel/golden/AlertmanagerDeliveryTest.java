package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.delivery.AlertmanagerProcess;
import org.peertel.delivery.AlertmanagerProcess.ActiveAlert;

/**
 * Delivery to a real Prometheus Alertmanager (Debian's, started on a loopback port for the test and stopped by its
 * PID): an incident that opens, escalates and resolves is one alert that is active, then active at CRITICAL, then
 * gone; a failed day raises PEERTEL_RUN_FAILED until it completes.
 *
 * <p>acme-chi's HIGH_MEDIAN thresholds are lowered for the golden week, whose medians for it are 44.826, 46.605,
 * 44.155 on 03-02 to 03-04: WARNING (above 44.5), CRITICAL (above 46), then judged and quiet.
 */
class AlertmanagerDeliveryTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void anIncidentIsOneAlertThatOpensEscalatesAndResolves() throws Exception {
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work.resolve("am"))) {
            Path settings = settings(alertmanager.baseUri().toString());

            // when: the first day
            PeertelCall first = PeertelCall.succeeding(command(settings, "--date", "2026-03-02"));

            // then: its two incidents are active, labelled without the severity, held for 26 hours
            assertThat(first.out()).contains("delivery: 0 pending");
            Map<String, ActiveAlert> active = byConnection(alertmanager.activeAlerts());
            assertThat(active).containsOnlyKeys("acme-chi HIGH_MEDIAN", "globex-fra HIGH_MEDIAN");
            ActiveAlert chi = active.get("acme-chi HIGH_MEDIAN");
            assertEquals(
                    Map.of(
                            "alertname", "HIGH_MEDIAN",
                            "connection_id", "acme-chi",
                            "customer_id", "acme",
                            "source", "peertel"),
                    chi.labels());
            assertEquals("WARNING", chi.annotations().get("severity"));
            assertEquals("2026-03-02/acme-chi/HIGH_MEDIAN", chi.annotations().get("incident_id"));
            assertEquals(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse(chi.startsAt()));
            assertThat(Duration.between(Instant.now(), Instant.parse(chi.endsAt())))
                    .isBetween(Duration.ofHours(25), Duration.ofHours(26));

            // when: the second day: acme-chi escalates, globex-fra resolves, acme-nyc opens
            PeertelCall.succeeding(command(settings, "--date", "2026-03-03"));

            // then
            active = byConnection(alertmanager.activeAlerts());
            assertThat(active).containsOnlyKeys("acme-chi HIGH_MEDIAN", "acme-nyc HIGH_MEDIAN");
            assertEquals(
                    "CRITICAL", active.get("acme-chi HIGH_MEDIAN").annotations().get("severity"));
            assertEquals(
                    Instant.parse("2026-03-02T00:00:00Z"),
                    Instant.parse(active.get("acme-chi HIGH_MEDIAN").startsAt()),
                    "the same incident");

            // when: the third day: judged and quiet
            PeertelCall.succeeding(command(settings, "--date", "2026-03-04"));

            // then
            assertThat(byConnection(alertmanager.activeAlerts())).containsOnlyKeys("acme-sfo HIGH_P95");
        }
    }

    @Test
    void aFailedDayRaisesRunFailedUntilItCompletes() throws Exception {
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work.resolve("am"))) {
            Path settings = settings(alertmanager.baseUri().toString());
            Path inTheWay = Files.createDirectories(work.resolve("out/alerts/2026-03-02.csv"));

            // when
            PeertelCall failed = PeertelCall.of(command(settings, "--date", "2026-03-02"));

            // then (the alert step stored the day's alerts before its file failed: their incidents are active too)
            assertEquals(1, failed.code(), failed::toString);
            List<ActiveAlert> runFailed = alertmanager.activeAlerts().stream()
                    .filter(a -> a.labels().get("alertname").equals("PEERTEL_RUN_FAILED"))
                    .toList();
            assertThat(runFailed).hasSize(1);
            assertEquals(
                    Map.of("alertname", "PEERTEL_RUN_FAILED", "source", "peertel", "day", "2026-03-02"),
                    runFailed.get(0).labels());
            assertThat(runFailed.get(0).annotations().get("message"))
                    .startsWith("2026-03-02 failed: ")
                    .contains("a folder is in the way");

            // when: the cause is gone and the day runs again
            Files.delete(inTheWay);
            PeertelCall.succeeding(command(settings, "--date", "2026-03-02"));

            // then: the failure is resolved; the day's incidents are there
            assertThat(alertmanager.activeAlerts())
                    .extracting(a -> a.labels().get("alertname"))
                    .containsOnly("HIGH_MEDIAN");
        }
    }

    @Test
    void aDueDayWithoutInputIsDayMissingUntilScheduleCompletesIt() throws Exception {
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work.resolve("am"))) {
            // given: a new installation, whose first pass is due for yesterday (UTC), and no folder for it yet
            Path settings = settings(alertmanager.baseUri().toString());
            Path input = Files.createDirectories(work.resolve("input"));
            String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .minusDays(1)
                    .toString();

            // when
            PeertelCall waiting = PeertelCall.of(schedule(settings, input));

            // then
            assertEquals(0, waiting.code(), waiting::toString);
            assertThat(alertmanager.activeAlerts())
                    .extracting(ActiveAlert::labels)
                    .containsExactly(Map.of("alertname", "PEERTEL_DAY_MISSING", "source", "peertel", "day", yesterday));

            // when: its files arrive (the golden week's first day: every row is of another day, rejected as such)
            Path folder = Files.createDirectories(input.resolve(yesterday));
            try (var files = Files.list(CASE.resolve("input/latency/2026-03-02"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
            PeertelCall done = PeertelCall.of(schedule(settings, input));

            // then: the day completed (every registered connection without data: NO_DATA), and is no longer missing
            assertEquals(0, done.code(), done::toString);
            assertThat(alertmanager.activeAlerts())
                    .extracting(a -> a.labels().get("alertname"))
                    .isNotEmpty()
                    .containsOnly("NO_DATA");
        }
    }

    private List<String> schedule(Path settings, Path input) {
        return List.of(
                "schedule",
                "--once",
                "--settings",
                settings.toString(),
                "--connections",
                CASE.resolve("input/connections.csv").toString(),
                "--input",
                input.toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString());
    }

    /** Active alerts by "connection rule" (or the alert name for the job's own). */
    private static Map<String, ActiveAlert> byConnection(List<ActiveAlert> alerts) {
        return alerts.stream()
                .collect(Collectors.toMap(
                        a -> a.labels().getOrDefault("connection_id", "-") + " "
                                + a.labels().get("alertname"),
                        a -> a));
    }

    private List<String> command(Path settings, String... days) {
        List<String> options = new ArrayList<>(List.of(days));
        options.addAll(List.of("--settings", settings.toString()));
        return GoldenJobTest.runArguments(
                CASE, work.resolve("out"), work.resolve("t.duckdb"), options.toArray(String[]::new));
    }

    private Path settings(String alertmanagerUrl) throws Exception {
        Path alerts = Files.writeString(
                work.resolve("alerts.properties"),
                "connection.acme-chi.high_median.warning_ms = 44.5\n"
                        + "connection.acme-chi.high_median.critical_ms = 46\n");
        return Files.writeString(
                work.resolve("telemetry.properties"),
                "alerts = " + alerts + "\nalerting.alertmanager-url = " + alertmanagerUrl + "\n");
    }
}
