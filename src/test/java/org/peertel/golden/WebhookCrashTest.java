package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * peertel killed with SIGKILL after the webhook acknowledged a day's document and before the acknowledgement was
 * recorded: the next run sends the same keys again, with the same bytes and signature, and loses none. The runs are
 * child JVMs, so that the secret comes from a real environment variable.
 */
class WebhookCrashTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aKillBetweenSendAndRecordSendsTheSameKeysAgainAndLosesNone() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Path settings = Files.writeString(
                    work.resolve("telemetry.properties"),
                    "alerts = " + Files.writeString(work.resolve("alerts.properties"), "") + "\n"
                            + "alerting.webhook-url = " + receiver.url() + "\n");

            // given: the first day's document acknowledged, the process killed before recording it
            Process killed =
                    start(settings, TestHooks.crashAtOption(CrashPoint.DELIVERY_SENT_NOT_RECORDED), "2026-03-02");
            try {
                String marker = CompletableFuture.supplyAsync(() -> ChildJvm.crashMarker(killed))
                        .get(120, TimeUnit.SECONDS);
                assertEquals(
                        TestHooks.CRASH_MARKER + CrashPoint.DELIVERY_SENT_NOT_RECORDED.commandLineName(),
                        marker,
                        Files.readString(work.resolve("child.err")));
            } finally {
                killed.destroyForcibly(); // SIGKILL
                assertTrue(killed.waitFor(30, TimeUnit.SECONDS), "the child died");
            }
            assertThat(receiver.posts()).hasSize(1);

            // when: the next day is run
            Process next = start(settings, null, "2026-03-03");
            assertTrue(next.waitFor(120, TimeUnit.SECONDS), "the run ended");
            assertEquals(0, next.exitValue(), Files.readString(work.resolve("child.err")));

            // then: the first document again, byte for byte, then the next day's
            List<WebhookReceiver.Post> posts = receiver.posts();
            assertThat(posts).hasSize(3);
            assertEquals(posts.get(0), posts.get(1), "the same body and signature");
            assertThat(posts.get(0).signature()).startsWith("sha256=").hasSize("sha256=".length() + 64);
            List<String> keys = new ArrayList<>();
            for (WebhookReceiver.Post post : posts.subList(1, 3)) {
                JSON.readTree(post.body())
                        .get("changes")
                        .forEach(change -> keys.add(change.get("key").asText()));
            }
            assertThat(keys)
                    .containsExactly(
                            "2026-03-02/globex-fra/HIGH_MEDIAN/opened/2026-03-02",
                            "2026-03-03/acme-nyc/HIGH_MEDIAN/opened/2026-03-03",
                            "2026-03-02/globex-fra/HIGH_MEDIAN/resolved/2026-03-03");
            JsonNode first = JSON.readTree(posts.get(0).body());
            assertEquals("2026-03-02", first.get("day").asText());
        }
    }

    /** {@code peertel run --date day} in a child JVM with PEERTEL_WEBHOOK_SECRET in its environment. */
    private Process start(Path settings, String hookOption, String day) throws IOException {
        ProcessBuilder builder = ChildJvm.peertelProcess(
                        hookOption == null ? List.of() : List.of(hookOption),
                        GoldenJobTest.runArguments(
                                CASE.toAbsolutePath(),
                                work.resolve("out"),
                                work.resolve("t.duckdb"),
                                "--date",
                                day,
                                "--settings",
                                settings.toString()))
                .redirectOutput(
                        hookOption != null
                                ? ProcessBuilder.Redirect.PIPE
                                : ProcessBuilder.Redirect.to(
                                        work.resolve("child.out").toFile()))
                .redirectError(work.resolve("child.err").toFile());
        builder.environment().put("PEERTEL_WEBHOOK_SECRET", "k3y");
        return builder.start();
    }
}
