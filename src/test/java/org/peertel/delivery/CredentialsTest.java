package org.peertel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.config.ConfigurationException;

/** Credentials in a receiver's URL become basic authentication and are never printed. */
class CredentialsTest {

    @TempDir
    Path work;

    @Test
    void userAndPasswordOfTheUrlGoInTheAuthorizationHeaderNotTheRequestLine() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seen = new ArrayList<>();
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create(
                    "http://peertel:s%40cret@127.0.0.1:" + server.getAddress().getPort() + "/hook?x=1");

            Answer answer = new HttpPoster(Duration.ofSeconds(5), 0).post(uri, "{}", Map.of());

            assertEquals(Answer.Kind.ACKNOWLEDGED, answer.kind());
            String basic = Base64.getEncoder().encodeToString("peertel:s@cret".getBytes(StandardCharsets.UTF_8));
            assertThat(seen).containsExactly("/hook?x=1 Basic " + basic);
            assertEquals(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", DeliverySettings.printable(uri));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBadUrlIsRefusedWithItsFileAndLineButWithoutItsValue() throws Exception {
        Path settings = Files.writeString(
                work.resolve("telemetry.properties"),
                "out = out\nalerting.webhook-url = ftp://peertel:s3cret@host/x\n");

        assertThatThrownBy(() -> DeliverySettings.load(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "telemetry.properties:2: alerting.webhook-url: expected an http:// or https:// URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anUnreachableReceiverIsDescribedWithoutItsCredentials() {
        URI uri = URI.create("http://peertel:s3cret@127.0.0.1:9/hook");

        Answer answer = new HttpPoster(Duration.ofSeconds(2), 0).post(uri, "{}", Map.of());

        assertEquals(Answer.Kind.UNAVAILABLE, answer.kind());
        assertThat(answer.text()).doesNotContain("s3cret");
    }
}
