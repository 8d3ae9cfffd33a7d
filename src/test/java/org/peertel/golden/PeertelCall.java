package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;

/** One {@code peertel} command line run in this JVM ({@link PeertelMain#execute}): its exit code and what it printed. */
record PeertelCall(int code, String out, String err) {

    static PeertelCall of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PeertelMain.execute(
                new PrintWriter(out),
                new PrintWriter(err),
                SampleBgpOff.unlessAsked(List.of(args)).toArray(String[]::new));
        return new PeertelCall(code, out.toString(), err.toString());
    }

    static PeertelCall of(List<String> args) {
        return of(args.toArray(String[]::new));
    }

    /** Runs the command line, which must exit 0 (else the failure shows what it printed). */
    static PeertelCall succeeding(List<String> args) {
        PeertelCall call = of(args);
        assertEquals(0, call.code(), call::toString);
        return call;
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
