package org.peertel.hostile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peertel.ChildJvm;
import org.peertel.cli.PeertelMain;

/**
 * One {@code peertel} command line: in this JVM through {@link PeertelMain#execute}, or, to bound the heap, in a
 * child JVM with {@code -Xmx} (the jar's class path and main class, {@link ChildJvm}).
 */
record PeertelRun(int code, String out, String err) {

    static PeertelRun inProcess(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PeertelMain.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new PeertelRun(code, out.toString(), err.toString());
    }

    static PeertelRun childJvm(String maxHeap, List<String> args, Path work) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-Xmx" + maxHeap,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildJvm.classPath(),
                PeertelMain.class.getName()));
        command.addAll(args);
        Path out = work.resolve("child.out");
        Path err = work.resolve("child.err");
        Process child = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 5 minutes");
        }
        return new PeertelRun(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
