package org.peertel.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.peertel.store.OutboxChange;

/**
 * The webhook's body for one processed day, {@code {"source":"peertel","day":"...","changes":[...]}}, and its
 * signature: {@code sha256=<hex HMAC-SHA256 of the body's bytes>} in the header {@code X-Peertel-Signature}.
 */
final class WebhookDocument {

    static final String SIGNATURE_HEADER = "X-Peertel-Signature";

    private WebhookDocument() {}

    /** The changes' stored JSON objects as they are, so that a repeat is the same bytes (and signature). */
    static String body(LocalDate day, List<OutboxChange> changes) {
        StringBuilder body = new StringBuilder("{\"source\":\"peertel\",\"day\":\"")
                .append(day)
                .append("\",\"changes\":[");
        for (int i = 0; i < changes.size(); i++) {
            body.append(i == 0 ? "" : ",").append(changes.get(i).content());
        }
        return body.append("]}").toString();
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body} (UTF-8) under {@code secret}. */
    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }
}
