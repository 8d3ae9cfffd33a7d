package org.peertel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a day folder held: each input file's name, size and SHA-256, in name order. Recorded with every run (the
 * store's input files, with their rows), and compared later with the folder (rows {@link InputFile#ROWS_UNKNOWN})
 * to find days whose files changed (late data); the comparison never looks at rows.
 */
public record DayManifest(List<InputFile> files) {

    /** How a folder differs from a recorded manifest; file names in name order. */
    public record Changes(List<String> added, List<String> replaced, List<String> removed) {

        public static final Changes NONE = new Changes(List.of(), List.of(), List.of());

        /** These changes and {@code more}'s, in that order. */
        public Changes and(Changes more) {
            return new Changes(join(added, more.added), join(replaced, more.replaced), join(removed, more.removed));
        }

        /** The same changes with each name prefixed by {@code folder} (e.g. {@code bgp/}). */
        public Changes named(String folder) {
            return new Changes(
                    added.stream().map(folder::concat).toList(),
                    replaced.stream().map(folder::concat).toList(),
                    removed.stream().map(folder::concat).toList());
        }

        private static List<String> join(List<String> a, List<String> b) {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }

        public boolean any() {
            return !added.isEmpty() || !replaced.isEmpty() || !removed.isEmpty();
        }

        /** For run summaries: {@code added b.csv; replaced a.csv}. */
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add("added " + String.join(", ", added));
            }
            if (!replaced.isEmpty()) {
                parts.add("replaced " + String.join(", ", replaced));
            }
            if (!removed.isEmpty()) {
                parts.add("removed " + String.join(", ", removed));
            }
            return parts.isEmpty() ? "no change" : String.join("; ", parts);
        }
    }

    /**
     * Reads every input file of {@code dayDirectory} (the files {@link LatencyDay} lists), without parsing it:
     * rows are {@link InputFile#ROWS_UNKNOWN}. A missing folder gives an empty manifest, a file that cannot be read
     * an empty checksum.
     *
     * @throws UncheckedIOException when the folder exists but cannot be listed
     */
    public static DayManifest of(Path dayDirectory) {
        return ofFiles(LatencyDay.inputFiles(dayDirectory));
    }

    /** The manifest of {@code files} (a day's BGP files, for one), in their order; rows unknown. */
    public static DayManifest ofFiles(List<Path> files) {
        List<InputFile> stored = new ArrayList<>();
        for (Path file : files) {
            stored.add(stored(file));
        }
        return new DayManifest(List.copyOf(stored));
    }

    /** The file named {@code name}, or null. */
    public InputFile find(String name) {
        return files.stream()
                .filter(file -> file.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** What changed from {@code recorded} (then) to this manifest (now). */
    public Changes changesSince(DayManifest recorded) {
        Map<String, InputFile> then = byName(recorded.files);
        Map<String, InputFile> now = byName(files);
        List<String> added = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String name : new TreeSet<>(union(then, now))) {
            InputFile before = then.get(name);
            InputFile after = now.get(name);
            if (before == null) {
                added.add(name);
            } else if (after == null) {
                removed.add(name);
            } else if (!before.sameStoredFile(after)) {
                replaced.add(name);
            }
        }
        return new Changes(added, replaced, removed);
    }

    private static java.util.Set<String> union(Map<String, InputFile> a, Map<String, InputFile> b) {
        java.util.Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static Map<String, InputFile> byName(List<InputFile> files) {
        Map<String, InputFile> map = new TreeMap<>();
        files.forEach(file -> map.put(file.name(), file));
        return map;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file's size and checksum, its rows not counted. */
    private static InputFile stored(Path file) {
        String name = file.getFileName().toString();
        try (FileDigestStream in = new FileDigestStream(Files.newInputStream(file))) {
            String sha256 = in.finish();
            // A file that cannot be read: the reader refuses it as unreadable; the manifest has no checksum.
            return sha256.isEmpty() ? withoutRows(name, sizeOrZero(file), "") : withoutRows(name, in.bytes(), sha256);
        } catch (IOException e) {
            return withoutRows(name, sizeOrZero(file), "");
        }
    }

    private static InputFile withoutRows(String name, long bytes, String sha256) {
        return new InputFile(name, InputFile.ROWS_UNKNOWN, bytes, sha256);
    }
}
