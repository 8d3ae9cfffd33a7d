package org.peertel.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bgpdump's own regression suite, kept outside the project in ../shared/testdata/bgp/bgpdump-regression (see its
 * SOURCES.md): each MRT file of mrt/ is read and formatted, and the text must equal, byte for byte, the output of
 * {@code bgpdump -vm} in expected-text/. Skipped, with a message, when the files are missing.
 *
 * <p>updates.nlri_mask_trailing_bits: its expected text already has the fixed form of bgpdump 8f067c8b (host bits
 * cleared, {@code 11.8.0.0/13}), the form this reader writes; the older bgpdump wrote {@code 11.13.0.0/13}.
 */
class BgpdumpRegressionTest {

    private static final Path SUITE = Path.of("../shared/testdata/bgp/bgpdump-regression");

    static Stream<String> mrtFiles() throws IOException {
        Path mrt = SUITE.resolve("mrt");
        if (!Files.isDirectory(mrt)) {
            return Stream.of("(missing)");
        }
        try (Stream<Path> files = Files.list(mrt)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(name -> Files.exists(expected(name)))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    private static Path expected(String mrtName) {
        return SUITE.resolve("expected-text").resolve(mrtName + ".bgp.gz");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mrtFiles")
    void writesWhatBgpdumpWrites(String name) throws IOException {
        assumeTrue(
                Files.isDirectory(SUITE.resolve("mrt")),
                "bgpdump regression files not found in "
                        + SUITE.toAbsolutePath().normalize() + ": skipped");
        try (InputStream mrt = MrtReader.open(SUITE.resolve("mrt").resolve(name));
                BufferedReader expected = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(expected(name))), StandardCharsets.US_ASCII))) {
            LineComparison comparison = new LineComparison(expected);
            MrtReadReport report = BgpDump.dump(mrt, comparison);
            comparison.finish();
            assertNull(comparison.firstDifference, name + ": " + comparison.firstDifference);
            assertFalse(report.records() == 0, name + ": no record read");
            assertEquals(0, report.count(MrtProblem.TRUNCATED_RECORD), name + ": " + report.summary());
        }
    }

    /**
     * A writer that compares what it is given, line by line, with the expected text and keeps only the first
     * difference, so a mismatch says where it is without holding either file.
     */
    private static final class LineComparison extends Writer {

        private final BufferedReader expected;
        private final StringBuilder line = new StringBuilder();
        private long lineNumber;
        String firstDifference;

        LineComparison(BufferedReader expected) {
            this.expected = expected;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    compare(line.toString());
                    line.setLength(0);
                } else {
                    line.append(buffer[i]);
                }
            }
        }

        private void compare(String actual) throws IOException {
            lineNumber++;
            String wanted = expected.readLine();
            if (firstDifference == null && !actual.equals(wanted)) {
                firstDifference = "line " + lineNumber + " differs:\n expected: " + wanted + "\n   actual: " + actual;
            }
        }

        void finish() throws IOException {
            if (!line.isEmpty()) {
                compare(line + " (no line end)");
            }
            String more = expected.readLine();
            if (firstDifference == null && more != null) {
                firstDifference = "output ends at line " + lineNumber + "; expected goes on with: " + more;
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
