package org.peertel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;

/** {@code peertel bgp dump}: MRT files in, bgpdump's one-line text out; exit codes and messages. */
class BgpDumpCommandTest {

    /**
     * A BGP4MP_STATE_CHANGE_AS4 record at 1000 s: peer 192.0.2.1 (AS 64496) from Established (6) to Idle (1).
     * Written out here rather than built, so that the command is tested apart from the package's test helpers.
     */
    private static final byte[] STATE_CHANGE = {
        0,
        0,
        0x03,
        (byte) 0xE8, // timestamp 1000
        0,
        16,
        0,
        5, // BGP4MP, STATE_CHANGE_AS4
        0,
        0,
        0,
        24, // length
        0,
        0,
        (byte) 0xFB,
        (byte) 0xF0, // peer AS 64496
        0,
        0,
        (byte) 0xFB,
        (byte) 0xF4, // local AS 64500
        0,
        0,
        0,
        1, // interface 0, AFI IPv4
        (byte) 192,
        0,
        2,
        1, // peer address
        (byte) 192,
        0,
        2,
        (byte) 254, // local address
        0,
        6,
        0,
        1 // Established to Idle
    };

    private static final String STATE_LINE = "BGP4MP|1000|STATE|192.0.2.1|64496|6|1\n";

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void printsPlainAndGzipFilesInTheOrderGiven(@TempDir Path folder) throws IOException {
        Path plain = Files.write(folder.resolve("updates.mrt"), STATE_CHANGE);
        byte[] twice = new byte[STATE_CHANGE.length * 2];
        System.arraycopy(STATE_CHANGE, 0, twice, 0, STATE_CHANGE.length);
        System.arraycopy(STATE_CHANGE, 0, twice, STATE_CHANGE.length, STATE_CHANGE.length);
        twice[STATE_CHANGE.length + 3] = (byte) 0xE9; // the second record one second later
        Path gzipped = Files.write(folder.resolve("updates.gz"), gzip(twice));

        Run run = run("bgp", "dump", plain.toString(), gzipped.toString());

        assertEquals(ExitCode.OK, run.code(), run.err());
        assertEquals(STATE_LINE + STATE_LINE + STATE_LINE.replace("|1000|", "|1001|"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aMissingFileExitsTwoNamingItAndWritesNothing(@TempDir Path folder) throws IOException {
        Path present = Files.write(folder.resolve("updates.mrt"), STATE_CHANGE);
        Path missing = folder.resolve("absent.gz");

        Run run = run("bgp", "dump", present.toString(), missing.toString());

        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().contains("cannot read MRT file " + missing + ": no such file"), run.err());
    }

    @Test
    void aFileCutShortKeepsItsRecordsAndSaysWhatWasLeftOut(@TempDir Path folder) throws IOException {
        byte[] cut = new byte[STATE_CHANGE.length * 2 - 3];
        System.arraycopy(STATE_CHANGE, 0, cut, 0, STATE_CHANGE.length);
        System.arraycopy(STATE_CHANGE, 0, cut, STATE_CHANGE.length, STATE_CHANGE.length - 3);
        Path file = Files.write(folder.resolve("cut.mrt"), cut);

        Run run = run("bgp", "dump", file.toString());

        assertEquals(ExitCode.OK, run.code(), run.err());
        assertEquals(STATE_LINE, run.out());
        assertEquals("peertel: " + file + ": 1 records, 1 decoded; 1 file ends inside a record\n", run.err());
    }

    @Test
    void bgpAloneAsksForItsSubcommand() {
        Run run = run("bgp");

        assertEquals(ExitCode.BAD_USAGE, run.code());
        assertTrue(run.err().contains("choose a command: dump"), run.err());
        assertTrue(Arrays.asList(run.out(), run.err()).stream().noneMatch(s -> s.contains("Exception")), run.err());
    }
}
