package org.peertel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arrow's native library is linked without leaving a file behind, and what a killed load left is cleared. */
class ArrowLibraryTest {

    @TempDir
    Path temporary;

    @Test
    void loadingLeavesTheTemporaryFolderAndItsPropertyAsTheyWere() throws IOException {
        // given
        String tmpdir = System.getProperty("java.io.tmpdir");
        String own = ArrowLibrary.FOLDER_PREFIX + ProcessHandle.current().pid() + "-";

        // when
        ArrowLibrary.load();
        ArrowLibrary.load();

        // then
        assertEquals(tmpdir, System.getProperty("java.io.tmpdir"));
        try (Stream<Path> files = Files.list(Path.of(tmpdir))) {
            assertEquals(
                    List.of(),
                    files.map(file -> file.getFileName().toString())
                            .filter(name -> name.startsWith(own))
                            .toList());
        }
    }

    @Test
    void theFoldersOfGoneProcessesAreRemovedAndNothingElse() throws Exception {
        // given: the folder of a process that is gone, one of this live process, and names of others
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Path ofGone = Files.createDirectory(temporary.resolve(ArrowLibrary.FOLDER_PREFIX + gone.pid() + "-17"));
        Files.writeString(ofGone.resolve("jnilib-1.tmp"), "a library");
        Path ofLive = Files.createDirectory(temporary.resolve(
                ArrowLibrary.FOLDER_PREFIX + ProcessHandle.current().pid() + "-18"));
        Path notOurs = Files.createDirectory(temporary.resolve(ArrowLibrary.FOLDER_PREFIX + "x-19"));
        Path jnilib = Files.writeString(temporary.resolve("jnilib-2.tmp"), "another program's");

        // when
        ArrowLibrary.removeLeftovers(temporary);

        // then
        assertTrue(Files.notExists(ofGone), "the gone process's folder");
        assertTrue(Files.exists(ofLive), "a live process's folder");
        assertTrue(Files.exists(notOurs), "a name without a pid");
        assertTrue(Files.exists(jnilib), "a file of another program");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            peertel-arrow-4242-123   | 4242
            peertel-arrow-1-x        | 1
            peertel-arrow--123       | none
            peertel-arrow-4242       | none
            peertel-arrow-42x-1      | none
            jnilib-4242-1            | none
            peertel-arrow-1234567890123456789-1 | none
            """)
    void thePidIsReadFromAFolderName(String name, Long pid) {
        OptionalLong expected = pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
        assertEquals(expected, ArrowLibrary.pid(name));
    }
}
