package org.peertel.golden;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A real HTTP server on a loopback port (the JDK's) that plays a webhook receiver: it records every post (body and
 * signature header) and answers with the scripted statuses in turn, then 200, each after {@link #slow}'s delay.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One post as received. */
    record Post(String body, String signature) {}

    private final HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Post> posts = new ArrayList<>();
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    private volatile long delayMillis;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        return start(0);
    }

    /** On {@code port} (0: any free one). */
    static WebhookReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status;
                synchronized (receiver) {
                    receiver.posts.add(
                            new Post(body, exchange.getRequestHeaders().getFirst("X-Peertel-Signature")));
                    status = receiver.statuses.isEmpty() ? 200 : receiver.statuses.removeFirst();
                }
                sleep(receiver.delayMillis);
                byte[] answer = (status < 300 ? "ok" : "no: status " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            // a thread per exchange: a slow answer must not hold back the next attempt's arrival
            server.setExecutor(receiver.threads);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port that was free a moment ago: a receiver that is down, until one starts on it. */
    static int portNobodyListensOn() {
        try (WebhookReceiver probe = start()) {
            return probe.port();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next posts are answered with these statuses, in turn (then 200). */
    synchronized WebhookReceiver answering(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    /** Every answer waits this long first. */
    WebhookReceiver slow(long millis) {
        delayMillis = millis;
        return this;
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
