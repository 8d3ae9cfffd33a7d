package org.peertel.hostile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One case of the hostile corpus ({@code src/test/resources/hostile/<name>/}) in one mode: its input files, and
 * what {@code expected.properties} says must come out. In the {@code --skip-bad-files} mode every key is read
 * with the prefix {@code skip.}, except those that describe the input ({@code generate}, {@code settings},
 * {@code heap}). Counts are written {@code reason n, reason n}; files {@code name rows, name rows}; skipped files
 * {@code name reason, name reason}; an empty value means none.
 */
record HostileCase(String name, boolean skipBadFiles, Properties expected) {

    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final String DAY = "2026-11-19";

    /** Every case, once as it is and once more with --skip-bad-files when it fails the day. */
    static List<HostileCase> all() throws IOException {
        List<HostileCase> cases = new ArrayList<>();
        try (Stream<Path> folders = Files.list(CORPUS)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("expected.properties")))
                    .sorted()
                    .toList()) {
                Properties expected = new Properties();
                try (Reader reader =
                        Files.newBufferedReader(folder.resolve("expected.properties"), StandardCharsets.UTF_8)) {
                    expected.load(reader);
                }
                String name = folder.getFileName().toString();
                cases.add(new HostileCase(name, false, expected));
                if (expected.containsKey("skip.exit")) {
                    cases.add(new HostileCase(name, true, expected));
                }
            }
        }
        return cases;
    }

    @Override
    public String toString() {
        return name + (skipBadFiles ? " --skip-bad-files" : "");
    }

    Path folder() {
        return CORPUS.resolve(name);
    }

    /** An expected value of this mode; fails when the case does not say. */
    String get(String key) {
        String value = expected.getProperty(skipBadFiles ? "skip." + key : key);
        if (value == null) {
            throw new IllegalStateException(this + ": expected.properties has no " + key);
        }
        return value.strip();
    }

    long number(String key) {
        return Long.parseLong(get(key));
    }

    /** A description of the input, the same in both modes; empty when absent. */
    String input(String key) {
        return expected.getProperty(key, "").strip();
    }

    /** {@code a 1, b 2} as an ordered map. */
    Map<String, String> pairs(String key) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : get(key).split(",")) {
            if (!item.isBlank()) {
                String[] parts = item.strip().split(" ");
                pairs.put(parts[0], parts[1]);
            }
        }
        return pairs;
    }

    /** The rejects file the successful run must write (long raw fields abbreviated), or null when not given. */
    Path expectedRejects() {
        Path file = folder().resolve("rejects.csv");
        return !skipBadFiles && Files.exists(file) ? file : null;
    }

    /** Writes the good version of the day: common/good.csv alone. */
    static void writeGoodDay(Path dayFolder) throws IOException {
        Files.createDirectories(dayFolder);
        Files.copy(
                CORPUS.resolve("common/good.csv"), dayFolder.resolve("good.csv"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes the day folder: common/good.csv, the case's input files and its generated input, if any. */
    void writeDay(Path dayFolder) throws IOException {
        writeGoodDay(dayFolder);
        Path input = folder().resolve("input");
        if (Files.isDirectory(input)) {
            try (Stream<Path> files = Files.list(input)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dayFolder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!input("generate").isEmpty()) {
            LargeInputs.write(input("generate"), dayFolder);
        }
    }
}
