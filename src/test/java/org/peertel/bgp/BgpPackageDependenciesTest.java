package org.peertel.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** bgp sits at the bottom of the house: its sources import nothing of peertel but {@code prefix}. */
class BgpPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/peertel/bgp");

    @Test
    void importsNothingOfPeertelButPrefix() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(SOURCES)) {
            files = listed.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 10, "sources of bgp found: " + files.size());
        List<String> imports = files.stream()
                .flatMap(BgpPackageDependenciesTest::lines)
                .filter(line -> line.startsWith("import org.peertel.") || line.startsWith("import static org.peertel."))
                .filter(line -> !line.contains("org.peertel.prefix."))
                .toList();
        assertEquals(List.of(), imports);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
