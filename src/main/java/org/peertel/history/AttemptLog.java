package org.peertel.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The attempt log {@code <db>.attempts.jsonl} beside the DuckDB file: one JSON object a line, one line per attempt
 * of {@code run} and of every {@code schedule} pass that ran a day or could not run, appended when the attempt ends
 * (docs/operating.md, "The attempt log"). Declares the line's format, both ways, and reads the file; the writing
 * (one append of a whole line) is monitor's.
 *
 * <p>A line is at most {@value #MAX_LINE_BYTES} bytes, below PIPE_BUF (4096), so that one {@code write} with
 * {@code O_APPEND} puts it in the file whole, even when several processes append at once. A line that does not
 * parse (cut short by a crash or a full disk, or edited by hand) is skipped by readers, which say how many.
 */
public final class AttemptLog {

    /** The longest line, its newline included. */
    public static final int MAX_LINE_BYTES = 4000;

    private static final int MAX_RANGES = 20;
    private static final Pattern MORE_DAYS = Pattern.compile("\\+\\d+ more days?");

    private AttemptLog() {}

    /** What a reader found: the attempts in file order, and the numbers of the lines it skipped. */
    public record Contents(List<Attempt> attempts, List<Integer> malformedLines) {
        public Contents {
            attempts = List.copyOf(attempts);
            malformedLines = List.copyOf(malformedLines);
        }

        public static Contents none() {
            return new Contents(List.of(), List.of());
        }
    }

    /** {@code out/peertel.duckdb} → {@code out/peertel.duckdb.attempts.jsonl}. */
    public static Path fileOf(Path db) {
        return db.toAbsolutePath().resolveSibling(db.getFileName() + ".attempts.jsonl");
    }

    /** Reads the log; no file is no attempt. */
    public static Contents read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Contents.none();
        }
        List<Attempt> attempts = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        int number = 0;
        int begin = 0;
        while (begin < text.length()) {
            number++;
            int end = text.indexOf('\n', begin);
            String line = text.substring(begin, end < 0 ? text.length() : end);
            begin = end < 0 ? text.length() : end + 1;
            if (line.isBlank()) {
                continue; // a writer that found the line before it cut short ends that line first
            }
            try {
                if (end < 0) {
                    throw new IllegalArgumentException("the last line has no end");
                }
                attempts.add(parse(line));
            } catch (IllegalArgumentException | java.time.DateTimeException | ClassCastException e) {
                malformed.add(number);
            }
        }
        return new Contents(attempts, malformed);
    }

    /** The line of {@code attempt}, newline included, at most {@value #MAX_LINE_BYTES} bytes of UTF-8. */
    public static String line(Attempt attempt) {
        int textLimit = 1500;
        int ranges = MAX_RANGES;
        while (true) {
            String line = format(attempt, textLimit, ranges);
            if (line.getBytes(StandardCharsets.UTF_8).length <= MAX_LINE_BYTES) {
                return line;
            }
            textLimit /= 2;
            ranges = Math.max(1, ranges / 2);
        }
    }

    private static String format(Attempt a, int textLimit, int ranges) {
        StringBuilder line = new StringBuilder(512);
        line.append("{\"start\":")
                .append(JsonLine.quote(a.start().truncatedTo(ChronoUnit.MILLIS).toString()));
        line.append(",\"end\":")
                .append(JsonLine.quote(a.end().truncatedTo(ChronoUnit.MILLIS).toString()));
        line.append(",\"command\":").append(JsonLine.quote(a.command()));
        line.append(",\"arguments\":").append(JsonLine.quote(shorten(a.arguments(), textLimit)));
        line.append(",\"days\":[");
        List<String> days = ranges(a.days());
        for (int i = 0; i < Math.min(days.size(), ranges); i++) {
            line.append(i == 0 ? "" : ",").append(JsonLine.quote(days.get(i)));
        }
        if (days.size() > ranges) {
            LocalDate lastShown = lastOf(days.get(ranges - 1));
            long more = a.days().stream()
                    .distinct()
                    .filter(day -> day.isAfter(lastShown))
                    .count();
            line.append(",").append(JsonLine.quote("+" + more + (more == 1 ? " more day" : " more days")));
        }
        line.append("],\"executions\":").append(a.executions());
        line.append(",\"outcome\":").append(JsonLine.quote(a.outcome().code()));
        line.append(",\"exit\":").append(a.exitCode());
        line.append(",\"reason\":").append(JsonLine.quote(shorten(a.reason(), textLimit)));
        line.append(",\"pid\":").append(a.pid());
        return line.append("}\n").toString();
    }

    /** The attempt on one line (without its newline); members it does not know are ignored. */
    static Attempt parse(String line) {
        Map<String, Object> m = JsonLine.parse(line);
        List<LocalDate> days = new ArrayList<>();
        for (String item : list(m, "days")) {
            if (MORE_DAYS.matcher(item).matches()) {
                continue;
            }
            int dots = item.indexOf("..");
            LocalDate first = LocalDate.parse(dots < 0 ? item : item.substring(0, dots));
            LocalDate last = dots < 0 ? first : LocalDate.parse(item.substring(dots + 2));
            if (last.isBefore(first) || first.plusDays(3660).isBefore(last)) {
                throw new IllegalArgumentException("bad day range '" + item + "'");
            }
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return new Attempt(
                Instant.parse(string(m, "start", null)),
                Instant.parse(string(m, "end", null)),
                string(m, "command", null),
                string(m, "arguments", ""),
                days,
                (int) number(m, "executions", 0L),
                Attempt.Outcome.ofCode(string(m, "outcome", null)),
                (int) number(m, "exit", null),
                string(m, "reason", ""),
                number(m, "pid", 0L));
    }

    /** Consecutive days as {@code first..last}, a lone day as itself, in order. */
    static List<String> ranges(List<LocalDate> days) {
        List<LocalDate> sorted = days.stream().distinct().sorted().toList();
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size()
                    && sorted.get(j + 1).equals(sorted.get(j).plusDays(1))) {
                j++;
            }
            ranges.add(i == j ? sorted.get(i).toString() : sorted.get(i) + ".." + sorted.get(j));
            i = j + 1;
        }
        return ranges;
    }

    private static LocalDate lastOf(String range) {
        int dots = range.indexOf("..");
        return LocalDate.parse(dots < 0 ? range : range.substring(dots + 2));
    }

    private static String shorten(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }

    private static String string(Map<String, Object> m, String name, String missing) {
        Object value = m.get(name);
        if (value == null && missing != null) {
            return missing;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'" + name + "' is not a string");
        }
        return text;
    }

    private static long number(Map<String, Object> m, String name, Long missing) {
        Object value = m.get(name);
        if (value == null && missing != null) {
            return missing;
        }
        if (!(value instanceof Long number)) {
            throw new IllegalArgumentException("'" + name + "' is not a whole number");
        }
        return number;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> m, String name) {
        Object value = m.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("'" + name + "' is not an array");
        }
        return (List<String>) value;
    }
}
