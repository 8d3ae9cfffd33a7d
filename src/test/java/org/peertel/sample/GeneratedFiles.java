package org.peertel.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: the generated files under a directory. */
final class GeneratedFiles {

    private GeneratedFiles() {}

    /** Paths (relative, with '/' separators, sorted) of connections.csv and every file under latency/ and bgp/. */
    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                    .filter(name ->
                            name.equals("connections.csv") || name.startsWith("latency/") || name.startsWith("bgp/"))
                    .sorted()
                    .toList();
        }
    }
}
