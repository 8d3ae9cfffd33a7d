package org.peertel.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.peertel.output.AtomicFiles;
import org.peertel.store.BgpDayRead;
import org.peertel.store.StoreQueries.DayCounts;

/**
 * {@code runs/<date>.json}: how every row of the day was accounted for, and whether the day is complete
 * ({@code "partial": true} when {@code --skip-bad-files} left files out; {@code "skipped_files"} lists them with
 * their reason and message). Written by hand, not with a JSON library, in a fixed layout, so that two runs differ
 * only in their two time values.
 */
public final class RunSummary {

    private static final Pattern ALERTS = Pattern.compile("\"alerts\": \\d+,");
    private static final Pattern ALERTS_LINE = Pattern.compile("(?m)^  \"alerts\": \\d+,\n");
    private static final Pattern DELIVERY = Pattern.compile("(?m)^  \"delivery\": \\{[^}]*},\n");

    private RunSummary() {}

    /** A run summary without BGP (no {@code "bgp"} key). */
    public static void write(
            Path file, LocalDate day, DayCounts counts, int alerts, Instant startedAt, Instant finishedAt) {
        write(file, day, counts, alerts, null, startedAt, finishedAt);
    }

    /**
     * @param bgp how the day's BGP folder was read, for the {@code "bgp"} key after {@code "alerts"}; null when the
     *            run had BGP off (no such key)
     */
    public static void write(
            Path file,
            LocalDate day,
            DayCounts counts,
            int alerts,
            BgpDayRead bgp,
            Instant startedAt,
            Instant finishedAt) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\n");
        json.append("  \"date\": ").append(quote(day.toString())).append(",\n");
        json.append("  \"partial\": ").append(counts.partial()).append(",\n");
        json.append("  \"rows_read\": ").append(counts.rowsRead()).append(",\n");
        json.append("  \"attributed\": ").append(counts.attributed()).append(",\n");
        json.append("  \"no_prefix\": ").append(counts.noPrefix()).append(",\n");
        json.append("  \"location_mismatch\": ")
                .append(counts.locationMismatch())
                .append(",\n");
        block(
                json,
                "rejected",
                '{',
                '}',
                counts.rejected().entrySet(),
                reason -> quote(reason.getKey()) + ": " + reason.getValue());
        block(
                json,
                "files",
                '[',
                ']',
                counts.files(),
                f -> "{\"name\": " + quote(f.name()) + ", \"rows\": " + f.rows() + ", \"bytes\": " + f.bytes()
                        + ", \"sha256\": " + quote(f.sha256()) + "}");
        block(
                json,
                "skipped_files",
                '[',
                ']',
                counts.skippedFiles(),
                f -> "{\"name\": " + quote(f.name()) + ", \"reason\": " + quote(f.reason()) + ", \"message\": "
                        + quote(f.message()) + "}");
        json.append("  \"alerts\": ").append(alerts).append(",\n");
        if (bgp != null) {
            json.append("  \"bgp\": ").append(bgpLine(bgp)).append(",\n");
        }
        json.append("  \"started_at\": ")
                .append(quote(startedAt.truncatedTo(ChronoUnit.MILLIS).toString()))
                .append(",\n");
        json.append("  \"finished_at\": ")
                .append(quote(finishedAt.truncatedTo(ChronoUnit.MILLIS).toString()))
                .append('\n');
        json.append("}\n");
        AtomicFiles.writeString(file, json.toString());
    }

    /** One line: the status, and for a folder that was read its counts and its events by level. */
    private static String bgpLine(BgpDayRead bgp) {
        if (bgp.isMissing()) {
            return "{\"status\": " + quote(bgp.status()) + "}";
        }
        return "{\"status\": " + quote(bgp.status()) + ", \"files\": "
                + bgp.files().size() + ", \"records\": "
                + bgp.records() + ", \"multicast\": " + bgp.multicast() + ", \"rejected\": "
                + bgp.rejects().size() + ", \"critical\": " + bgp.events("Critical") + ", \"warning\": "
                + bgp.events("Warning") + ", \"information\": " + bgp.events("Information") + "}";
    }

    /** {@code "key": [} one item per line {@code ],} (or {@code {...}}); {@code []} when there is none. */
    private static <T> void block(
            StringBuilder json, String key, char open, char close, Iterable<T> items, Function<T, String> item) {
        json.append("  ").append(quote(key)).append(": ").append(open);
        int i = 0;
        for (T t : items) {
            json.append(i++ == 0 ? "\n" : ",\n").append("    ").append(item.apply(t));
        }
        json.append(i == 0 ? "" : "\n  ").append(close).append(",\n");
    }

    /**
     * Sets the alert count of an existing run summary (after a later re-run changed that day's alerts), keeping
     * everything else, the run's times included. Does nothing when the file does not exist.
     */
    public static void updateAlertCount(Path file, int alerts) {
        try {
            if (!Files.exists(file)) {
                return;
            }
            String json = Files.readString(file, StandardCharsets.UTF_8);
            AtomicFiles.writeString(file, ALERTS.matcher(json).replaceFirst("\"alerts\": " + alerts + ","));
        } catch (IOException e) {
            throw new UncheckedIOException("unable to update run summary " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes what the alert delivery after the run left, over all days ({@code "delivery": {"pending": n, "failed":
     * m}}, after {@code "alerts"}), into an existing run summary, keeping everything else. Only when a receiver is
     * set: a run without receivers writes no such key. Does nothing when the file does not exist.
     */
    public static void updateDelivery(Path file, long pending, long failed) {
        try {
            if (!Files.exists(file)) {
                return;
            }
            String json = DELIVERY.matcher(Files.readString(file, StandardCharsets.UTF_8))
                    .replaceFirst("");
            String delivery = "  \"delivery\": {\"pending\": " + pending + ", \"failed\": " + failed + "},\n";
            java.util.regex.Matcher alerts = ALERTS_LINE.matcher(json);
            if (alerts.find()) {
                AtomicFiles.writeString(
                        file, json.substring(0, alerts.end()) + delivery + json.substring(alerts.end()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to update run summary " + file + ": " + e.getMessage(), e);
        }
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
