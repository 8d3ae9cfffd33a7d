package org.peertel.hostile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;

/**
 * One {@code peertel} command line: in this JVM through {@link PeertelMain#execute}, or, to bound the heap, in a
 * child JVM with {@code -Xmx} (the jar's class path and main class, {@link ChildJvm}).
 */
record PeertelRun(int code, String out, String err) {

    static PeertelRun inProcess(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PeertelMain.execute(
                new PrintWriter(out),
                new PrintWriter(err),
                SampleBgpOff.unlessAsked(args).toArray(String[]::new));
        return new PeertelRun(code, out.toString(), err.toString());
    }

    static PeertelRun childJvm(String maxHeap, List<String> args, Path work) throws Exception {
        ChildJvm.Finished child = ChildJvm.peertel(work, List.of("-Xmx" + maxHeap), args);
        return new PeertelRun(child.code(), child.out(), child.err());
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
