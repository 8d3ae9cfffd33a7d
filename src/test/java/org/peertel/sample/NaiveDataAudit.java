package org.peertel.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;

/**
 * A deliberately simple, independent reading of generated data (linear prefix scan, strict but narrow row checks)
 * that tests use to confirm what the pipeline should see. Only handles the shapes the generator writes: no quoted
 * latency fields, the standard header order, {@code Z} timestamps.
 */
final class NaiveDataAudit {

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** A registered prefix of one connection. */
    record Registration(Prefix prefix, String connectionId, String country, String state) {}

    /** A rejected row. */
    record Reject(LocalDate day, String file, int line, String reason, String raw) {}

    final List<String> connectionIds = new ArrayList<>();
    final List<Registration> registrations = new ArrayList<>();
    final Map<String, Long> outcomes = new TreeMap<>(); // "<day>/<outcome>" -> rows
    final Map<String, List<Double>> rtts = new HashMap<>(); // "<day>/<connection>" -> rtts
    final List<Reject> rejects = new ArrayList<>();
    final List<LocalDate> days = new ArrayList<>();

    /** Reads {@code dir/connections.csv} and every day folder under {@code dir/latency}. */
    static NaiveDataAudit of(Path dir) throws IOException {
        NaiveDataAudit audit = new NaiveDataAudit();
        try (Reader in = Files.newBufferedReader(dir.resolve("connections.csv"))) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                audit.connectionIds.add(r.get("connection_id"));
                for (String p : r.get("prefixes").split("[ ;]+")) {
                    audit.registrations.add(new Registration(
                            Prefix.parse(p), r.get("connection_id"), r.get("country"), r.get("state")));
                }
            }
        }
        try (Stream<Path> dayDirs = Files.list(dir.resolve("latency"))) {
            for (Path dayDir : dayDirs.sorted().toList()) {
                LocalDate day = LocalDate.parse(dayDir.getFileName().toString());
                audit.days.add(day);
                try (Stream<Path> files = Files.list(dayDir)) {
                    for (Path file : files.sorted().toList()) {
                        audit.readFile(day, file);
                    }
                }
            }
        }
        return audit;
    }

    /** Decompressed text lines of a latency file. */
    static List<String> lines(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    private void readFile(LocalDate day, Path file) throws IOException {
        List<String> lines = lines(file);
        if (!lines.get(0).equals(LatencyCsvWriter.HEADER)) {
            throw new IllegalStateException(file + " has header " + lines.get(0));
        }
        for (int i = 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            String[] f = Arrays.stream(raw.split(",", -1)).map(String::trim).toArray(String[]::new);
            String reason = rejectReason(day, f);
            if (reason != null) {
                rejects.add(new Reject(day, file.getFileName().toString(), i + 1, reason, raw));
                count(day, "rejected");
                continue;
            }
            String connection = attribute(IpAddress.parse(f[1]), f[2], f[3]);
            if (connection.startsWith("-")) {
                count(day, connection.substring(1));
            } else {
                count(day, "attributed");
                rtts.computeIfAbsent(day + "/" + connection, k -> new ArrayList<>())
                        .add(Double.parseDouble(f[5]));
            }
        }
    }

    private void count(LocalDate day, String outcome) {
        outcomes.merge(day + "/" + outcome, 1L, Long::sum);
    }

    /** The reject reason of a row, or null when it is a measurement (contract order, narrowed to our shapes). */
    static String rejectReason(LocalDate day, String[] f) {
        if (f.length != 6) {
            return "column_count";
        }
        if (!f[0].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)")) {
            return "bad_timestamp";
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(f[0].replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", ""));
        } catch (DateTimeParseException e) {
            return "bad_timestamp";
        }
        if (!f[0].endsWith("Z") || !local.toLocalDate().equals(day)) {
            return "wrong_day"; // every offset the generator writes moves the time into the previous day
        }
        if (IpAddress.parseOrNull(f[1]) == null) {
            return "bad_client_ip";
        }
        if (!COUNTRIES.contains(f[2].toUpperCase(Locale.ROOT))) {
            return "bad_country";
        }
        if (f[2].equalsIgnoreCase("US") && !f[3].matches("[A-Za-z]{2}|")) {
            return "bad_state";
        }
        if (f[2].equalsIgnoreCase("US")
                && !Set.of("CA", "NY", "IL", "WA", "FL", "VA", "TX", "GA").contains(f[3])) {
            return "bad_state";
        }
        if (f[4].isEmpty()) {
            return "missing_edge_pop";
        }
        if (!f[5].matches("\\d+(\\.\\d+)?")) {
            return "bad_rtt";
        }
        double rtt = Double.parseDouble(f[5]);
        return rtt > 0 && rtt <= 60_000 ? null : "rtt_out_of_range";
    }

    /** The connection id, or "-no_prefix" / "-location_mismatch". */
    private String attribute(IpAddress ip, String country, String state) {
        int longest = -1;
        for (Registration r : registrations) {
            if (r.prefix().contains(ip)) {
                longest = Math.max(longest, r.prefix().keyLength());
            }
        }
        if (longest < 0) {
            return "-no_prefix";
        }
        for (Registration r : registrations) {
            if (r.prefix().contains(ip)
                    && r.prefix().keyLength() == longest
                    && r.country().equals(country)
                    && (!country.equals("US") || r.state().equals(state))) {
                return r.connectionId();
            }
        }
        return "-location_mismatch";
    }

    long outcome(LocalDate day, String outcome) {
        return outcomes.getOrDefault(day + "/" + outcome, 0L);
    }

    List<Double> rttsOf(LocalDate day, String connection) {
        return rtts.getOrDefault(day + "/" + connection, List.of()).stream()
                .sorted()
                .toList();
    }

    /** DuckDB quantile_cont over sorted values. */
    static double quantile(List<Double> sorted, double q) {
        double r = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(r);
        int hi = (int) Math.ceil(r);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (r - lo);
    }
}
