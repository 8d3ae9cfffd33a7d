package org.peertel.delivery;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.peertel.config.SettingsFile;

/**
 * Where incidents go, from the job settings file ({@code alerting.*}, like the {@code schedule.*} keys):
 * {@code alerting.webhook-url} and {@code alerting.alertmanager-url} (empty: off), {@code alerting.timeout-seconds}
 * (each attempt, default 10), {@code alerting.retries} (attempts after the first when the receiver is unreachable or
 * answers 5xx, default 2) and {@code alerting.alertmanager-hold} (how long an open incident stays active in
 * Alertmanager after a run re-posts it, default 26h). The webhook's signing secret is not a setting: it comes from
 * the environment variable {@code PEERTEL_WEBHOOK_SECRET}, so that it never sits in a file beside the job.
 */
public record DeliverySettings(URI webhook, URI alertmanager, Duration timeout, int retries, Duration hold) {

    public static final String WEBHOOK_KEY = "alerting.webhook-url";
    public static final String ALERTMANAGER_KEY = "alerting.alertmanager-url";
    public static final String TIMEOUT_KEY = "alerting.timeout-seconds";
    public static final String RETRIES_KEY = "alerting.retries";
    public static final String HOLD_KEY = "alerting.alertmanager-hold";

    /** The environment variable holding the webhook's HMAC-SHA256 key. */
    public static final String SECRET_VARIABLE = "PEERTEL_WEBHOOK_SECRET";

    public static DeliverySettings off() {
        return new DeliverySettings(null, null, Duration.ofSeconds(10), 2, Duration.ofHours(26));
    }

    /** The {@code alerting.*} keys of {@code settingsFile}; off when it is null or missing. */
    public static DeliverySettings load(Path settingsFile) {
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            return off();
        }
        SettingsFile settings = SettingsFile.read(settingsFile);
        DeliverySettings defaults = off();
        return new DeliverySettings(
                url(settings, WEBHOOK_KEY),
                url(settings, ALERTMANAGER_KEY),
                Duration.ofSeconds(number(settings, TIMEOUT_KEY, defaults.timeout.toSeconds(), 1, 600)),
                (int) number(settings, RETRIES_KEY, defaults.retries, 0, 10),
                hold(settings, defaults.hold));
    }

    public boolean anyReceiver() {
        return webhook != null || alertmanager != null;
    }

    /** A URL as it may be printed: without credentials, query or fragment. */
    public static String printable(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static URI url(SettingsFile settings, String key) {
        SettingsFile.Entry entry = settings.entries().get(key);
        if (entry == null || entry.value().isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(entry.value());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below, without the value: it may hold credentials
        }
        throw settings.errorWithoutValue(
                entry,
                "expected an http:// or https:// URL with a host, e.g. "
                        + "https://hooks.example.net/peertel (empty: off)");
    }

    private static long number(SettingsFile settings, String key, long fallback, long min, long max) {
        SettingsFile.Entry entry = settings.entries().get(key);
        if (entry == null) {
            return fallback;
        }
        if (entry.value().matches("[0-9]{1,4}")) {
            long value = Long.parseLong(entry.value());
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw settings.error(entry, "expected a whole number from " + min + " to " + max + ", e.g. " + fallback);
    }

    private static Duration hold(SettingsFile settings, Duration fallback) {
        SettingsFile.Entry entry = settings.entries().get(HOLD_KEY);
        if (entry == null) {
            return fallback;
        }
        if (entry.value().matches("[0-9]{1,4}[hm]")) {
            long amount =
                    Long.parseLong(entry.value().substring(0, entry.value().length() - 1));
            Duration hold = entry.value().endsWith("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
            if (hold.compareTo(Duration.ofMinutes(10)) >= 0 && hold.compareTo(Duration.ofDays(30)) <= 0) {
                return hold;
            }
        }
        throw settings.error(
                entry,
                "expected hours (26h) or minutes (90m), from 10 minutes to 30 days; longer than the time "
                        + "between two runs, or Alertmanager resolves open incidents in between");
    }
}
