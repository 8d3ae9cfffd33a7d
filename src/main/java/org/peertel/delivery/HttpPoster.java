package org.peertel.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Posts a JSON body, trying again while the receiver is unavailable: at most {@code 1 + retries} attempts of at most
 * {@code timeout} each, so a run waits for a receiver at most about {@code timeout x (1 + retries)}.
 */
final class HttpPoster {

    private final HttpClient client;
    private final Duration timeout;
    private final int retries;

    HttpPoster(Duration timeout, int retries) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.retries = retries;
    }

    Answer post(URI uri, String body, Map<String, String> headers) {
        Answer answer = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            answer = once(uri, body, headers);
            if (answer.kind() != Answer.Kind.UNAVAILABLE) {
                return answer;
            }
        }
        return answer;
    }

    /** The URL without {@code user:password@}, which goes in a header instead (and is never printed). */
    static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(uri.getScheme() + "://"
                + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private Answer once(URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(uri))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (uri.getRawUserInfo() != null) {
            // https://user:password@host/...: HTTP basic authentication, as curl and Alertmanager's clients do
            String credentials = java.net.URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Answer.ofStatus(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return Answer.unavailable("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return Answer.unavailable("unreachable (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unavailable("interrupted");
        }
    }
}
