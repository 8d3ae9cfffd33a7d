package org.peertel.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of an output folder as relative path → text, with the two time values of run summaries replaced
 * by "IGNORED" (the only bytes allowed to differ between two runs).
 */
final class OutputTree {

    /** The incidents open after the latest processed day. */
    static final String OPEN_INCIDENTS = "alerts/open.csv";

    private OutputTree() {}

    static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (name.startsWith("runs/") && name.endsWith(".json")) {
                    text = text.replaceAll("\"(started_at|finished_at)\": \"[^\"]*\"", "\"$1\": \"IGNORED\"");
                }
                files.put(name, text);
            }
        }
        return files;
    }

    /**
     * The files of a run's days only: those whose name starts with one of {@code days} (the files every day gets),
     * not those of ranges and months ({@code range-...}), which {@code report} and the month files write.
     */
    static Map<String, String> ofDays(Map<String, String> files, java.util.Collection<String> days) {
        Map<String, String> ofDays = new java.util.TreeMap<>(files);
        ofDays.keySet()
                .removeIf(file -> days.stream()
                        .noneMatch(day -> Path.of(file).getFileName().toString().startsWith(day)));
        return ofDays;
    }

    /**
     * The files of days only: without the range and month files ({@code range-...}, {@code month-...}) and without
     * {@code alerts/open.csv}, which holds the incidents open after the latest day processed, not a day's.
     */
    static Map<String, String> daysOnly(Map<String, String> files) {
        Map<String, String> days = new java.util.TreeMap<>(files);
        days.keySet().removeIf(file -> {
            String name = Path.of(file).getFileName().toString();
            return name.startsWith("range-") || name.startsWith("month-") || file.equals(OPEN_INCIDENTS);
        });
        return days;
    }

    /** How many regular files lie under {@code root} (0 when it does not exist). */
    static long countFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
