package org.peertel.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.arrow.c.jni.JniLoader;

/**
 * Links Arrow's C data library (libarrow_cdata_jni, 40 KB) so that no copy of it stays in the temporary folder, even
 * after kill -9. Arrow copies the library out of its jar into {@code java.io.tmpdir} whenever it loads it, with no
 * setting to load it from elsewhere, and deletes the copy only at a normal exit. Here the copy goes to a folder of
 * this process's own in the temporary folder ({@code java.io.tmpdir} points there while Arrow loads, a few
 * milliseconds), which is deleted as soon as the library is linked: a linked library needs its file no more (on
 * Linux and macOS; where it cannot be deleted, Arrow's delete at exit stays). A process killed in those
 * milliseconds leaves its folder, named after its pid: the next load removes the folders of processes that are gone.
 */
final class ArrowLibrary {

    /** The folders are {@code peertel-arrow-<pid>-<random>} in the temporary folder. */
    static final String FOLDER_PREFIX = "peertel-arrow-";

    private static boolean loaded;

    private ArrowLibrary() {}

    /**
     * Links the library, once per process; later calls return at once. Called before the first use of Arrow's C data
     * interface ({@link ArrowMeasurementLoad}).
     *
     * @throws StoreException if the private folder cannot be made, or Arrow fails to load the library
     */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(temporary);
        Path own;
        try {
            own = Files.createTempDirectory(
                    temporary, FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
            // Java 17 takes java.io.tmpdir for good when it first makes a temporary file (Files and File each):
            // make sure both did so before the property changes below
            Files.delete(File.createTempFile("probe", null, own.toFile()).toPath());
        } catch (IOException e) {
            throw new StoreException(
                    "unable to make a folder for Arrow's native library in " + temporary + ": " + e, e);
        }
        String tmpdir = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", own.toString());
            JniLoader.get().ensureLoaded();
            loaded = true;
        } catch (RuntimeException | LinkageError e) {
            throw new StoreException("unable to load Arrow's native library (libarrow_cdata_jni): " + e, e);
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
            deleteQuietly(own);
        }
    }

    /** Removes the folders of processes that died while loading the library (at most one each). */
    static void removeLeftovers(Path temporary) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporary, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                OptionalLong pid = pid(folder.getFileName().toString());
                if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).isEmpty()) {
                    deleteQuietly(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable temporary folder: the load itself will say what is wrong with it
        }
    }

    /** The pid in a folder name {@code peertel-arrow-<pid>-<random>}; empty for any other name. */
    static OptionalLong pid(String folderName) {
        if (!folderName.startsWith(FOLDER_PREFIX)) {
            return OptionalLong.empty();
        }
        String rest = folderName.substring(FOLDER_PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash < 1 || !rest.substring(0, dash).matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // what cannot be deleted now (a linked library on Windows) goes at exit or with the next load
        }
    }
}
