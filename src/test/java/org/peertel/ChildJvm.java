package org.peertel;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peertel.testhook.TestHooks;

/**
 * What a test's child JVM running peertel needs to start as {@code java -jar target/peertel.jar} does: the same class
 * path (the classes, then the jars of {@code target/lib/} in the order of the jar's {@code Class-Path}, so DuckDB
 * loads its native library in place from there) and what the manifest gives {@code java -jar}.
 */
public final class ChildJvm {

    /** Arrow's memory reads java.nio internals (pom.xml: the jar's Add-Opens, surefire's argLine). */
    public static final String ARROW_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private static final Path TARGET = Path.of("target");

    /** The jar's Class-Path as Maven wrote it beside lib/ (pom.xml, before the tests): lib/NAME.jar entries. */
    private static final Path LIB_CLASS_PATH = TARGET.resolve("lib.classpath");

    private ChildJvm() {}

    /**
     * The class path of {@code java -jar target/peertel.jar}, with {@code target/classes} in place of the jar.
     *
     * @throws IllegalStateException if Maven has not made {@code target/lib/} (tests run outside Maven before any
     *                               build)
     */
    public static String classPath() {
        if (!Files.isRegularFile(LIB_CLASS_PATH)) {
            throw new IllegalStateException(LIB_CLASS_PATH.toAbsolutePath()
                    + " is missing: run `mvn process-classes` (every `mvn test` does), which fills target/lib/");
        }
        try {
            List<String> entries = new ArrayList<>();
            entries.add(TARGET.resolve("classes").toAbsolutePath().toString());
            for (String entry : Files.readString(LIB_CLASS_PATH).trim().split(File.pathSeparator)) {
                entries.add(TARGET.resolve(entry).toAbsolutePath().toString());
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + LIB_CLASS_PATH, e);
        }
    }

    /** What a finished child JVM left: its exit code and its output. */
    public record Finished(int code, String out, String err) {

        public List<String> lines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /**
     * Runs {@code peertel args} in a child JVM with {@code options} (a test hook, a heap size) to its end, at most five
     * minutes; its output goes through files in {@code work}.
     */
    public static Finished peertel(Path work, List<String> options, List<String> args) throws Exception {
        Path out = Files.createTempFile(work, "child", ".out");
        Path err = Files.createTempFile(work, "child", ".err");
        Process child = peertelProcess(options, args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("peertel " + args + " did not end in 5 minutes");
        }
        return new Finished(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code peertel args} in a child JVM with {@code options} (a test hook, a heap size), not started yet. */
    public static ProcessBuilder peertelProcess(List<String> options, List<String> args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(), ARROW_OPENS, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath()));
        command.addAll(options);
        command.add("org.peertel.cli.PeertelMain");
        command.addAll(SampleBgpOff.unlessAsked(args));
        return new ProcessBuilder(command);
    }

    /**
     * Reads a child's standard output until a crash hook says it reached its point ({@code TestHooks.CRASH_MARKER}
     * and the point's name), and returns that line; "end of output" when the child ended without reaching it.
     */
    public static String crashMarker(Process child) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(TestHooks.CRASH_MARKER)) {
                    return line;
                }
            }
            return "end of output";
        } catch (IOException e) {
            return "unreadable output: " + e;
        }
    }
}
