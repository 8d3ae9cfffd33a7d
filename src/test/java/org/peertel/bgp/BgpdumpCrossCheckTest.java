package org.peertel.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real bgpdump ({@code bgpdump -m}, Debian's package, which .ci/run installs) against {@link BgpDump}, byte for
 * byte, on shared MRT files that have no committed expected text: libbgpstream's two test files (RIS and RouteViews,
 * 2015) and three of RouteViews' YouTube files of 2008. Skipped, with a message, when bgpdump is not on the PATH
 * (failed under CI=true) or the files are missing.
 */
class BgpdumpCrossCheckTest {

    private static final Path BGP = Path.of("../shared/testdata/bgp");
    private static final List<String> FILES = List.of(
            "libbgpstream-test/ris.rrc06.updates.1427846400.gz",
            "libbgpstream-test/routeviews.route-views.jinx.updates.1427846400.bz2",
            "youtube-2008-routeviews/mrt/updates.20080219.0015.bz2",
            "youtube-2008-routeviews/mrt/updates.20080224.1839.bz2",
            "youtube-2008-routeviews/mrt/updates.20080224.1924.bz2");

    static Stream<String> files() {
        return FILES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void writesWhatDebiansBgpdumpWrites(String name, @TempDir Path dir) throws IOException, InterruptedException {
        Path bgpdump = bgpdump();
        Path file = BGP.resolve(name);
        assumeTrue(
                Files.isRegularFile(file),
                "no shared test data at " + file.toAbsolutePath().normalize());
        // given bgpdump's text of the file
        Path theirs = dir.resolve("bgpdump.txt");
        run(bgpdump, file, theirs, dir.resolve("bgpdump.err"));

        // when
        Path ours = dir.resolve("peertel.txt");
        MrtReadReport report;
        try (InputStream in = MrtReader.open(file);
                Writer out = new OutputStreamWriter(Files.newOutputStream(ours), StandardCharsets.US_ASCII)) {
            report = BgpDump.dump(in, out);
        }

        // then
        assertThat(report.problems()).as(report.summary()).isEmpty();
        assertThat(Files.size(theirs)).as("bgpdump wrote nothing").isPositive();
        assertThat(firstDifference(theirs, ours)).isNull();
        assertThat(Files.mismatch(theirs, ours)).isEqualTo(-1L);
    }

    /** bgpdump on the PATH; skips (fails under CI=true) without it. */
    private static Path bgpdump() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "bgpdump");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String missing = "no bgpdump on the PATH: install Debian's bgpdump (apt-get install bgpdump; .ci/run does)"
                + " to compare the MRT reader with it";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true, so .ci/run should have installed it, but " + missing);
        }
        assumeTrue(false, missing);
        return null;
    }

    /** Runs {@code bgpdump -m file} into {@code out}; the process is stopped whatever happens. */
    private static void run(Path bgpdump, Path file, Path out, Path err) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(bgpdump.toString(), "-m", file.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("bgpdump ends within 2 minutes")
                    .isTrue();
            assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    /** The first line that differs, for the failure message; null when the lines are equal. */
    private static String firstDifference(Path theirs, Path ours) throws IOException {
        List<String> expected = Files.readAllLines(theirs, StandardCharsets.US_ASCII);
        List<String> actual = Files.readAllLines(ours, StandardCharsets.US_ASCII);
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String wanted = i < expected.size() ? expected.get(i) : "(end)";
            String got = i < actual.size() ? actual.get(i) : "(end)";
            if (!wanted.equals(got)) {
                return "line " + (i + 1) + ":\n bgpdump: " + wanted + "\n peertel: " + got;
            }
        }
        return null;
    }
}
