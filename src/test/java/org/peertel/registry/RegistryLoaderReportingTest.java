package org.peertel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peertel.registry.RegistryCsv.HEADER;
import static org.peertel.registry.RegistryCsv.row;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the loader reports: all errors, sorted, compiler-style; unreadable files; large registries. */
class RegistryLoaderReportingTest {

    @TempDir
    Path dir;

    @Test
    void reportsEveryErrorOfTheFileSortedByLine() {
        Path file = RegistryCsv.write(
                dir,
                HEADER
                        + row("C1", "192.0.2.0/24")
                        + row("C2", "globex", "de", "", "10.0.0.0/8 198.51.100.1/24")
                        + row("C3", "acme", "US", "", "203.0.113.0/24")
                        + row("C1", "2001:db8::/32")
                        + row("C4", "initech", "FR", "", "192.0.2.0/24"));

        RegistryLoadResult result = RegistryLoader.load(file);

        assertThat(result.ok()).isFalse();
        assertThat(result.registry()).isNull();
        assertThat(result.errors()).extracting(RegistryIssue::line).containsExactly(3, 3, 3, 4, 5, 6);
        assertThat(result.errors())
                .extracting(RegistryIssue::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("country 'de' must be upper case"),
                        m -> assertThat(m).contains("'10.0.0.0/8' is private address space"),
                        m -> assertThat(m).contains("did you mean 198.51.100.0/24?"),
                        m -> assertThat(m).contains("state is empty"),
                        m -> assertThat(m).contains("connection_id 'C1' is already used on line 2"),
                        m -> assertThat(m).contains("connection 'C4' is also registered by connection 'C1'"));
    }

    @Test
    void issueReadsLikeACompilerMessage() {
        Path file = RegistryCsv.write(dir, HEADER + row("C1", "10.1.0.0/16"));

        RegistryIssue issue = RegistryLoader.load(file).errors().get(0);

        assertThat(issue)
                .hasToString(file + ":2: error: prefix '10.1.0.0/16' is private address space "
                        + "(RFC 1918, 10.0.0.0/8); register the public prefix the connection uses");
        assertThat(new RegistryIssue(file, 3, RegistryIssue.Severity.WARNING, "w"))
                .hasToString(file + ":3: warning: w");
    }

    @Test
    void missingFileIsOneErrorOnLineZero() {
        RegistryLoadResult result = RegistryLoader.load(dir.resolve("nope.csv"));

        assertThat(result.registry()).isNull();
        assertThat(result.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isZero();
            assertThat(issue.message()).contains("registry file not found");
        });
    }

    @Test
    void directoryIsOneErrorOnLineZero() {
        RegistryLoadResult result = RegistryLoader.load(dir);

        assertThat(result.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isZero();
            assertThat(issue.message()).contains("cannot read the registry file");
        });
    }

    @Test
    void invalidUtf8IsOneErrorOnItsLine() {
        byte[] good = (HEADER + row("C1", "192.0.2.0/24")).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'C', '2', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] content = new byte[good.length + bad.length];
        System.arraycopy(good, 0, content, 0, good.length);
        System.arraycopy(bad, 0, content, good.length, bad.length);

        RegistryLoadResult result = RegistryLoader.load(RegistryCsv.write(dir, content));

        assertThat(result.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.message()).contains("not valid UTF-8");
        });
    }

    @Test
    void loadsOneHundredThousandConnectionsInAFewSeconds() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        // Lines shuffled so the checks cannot rely on file order; one IPv4 /24 and one IPv6 /48 per connection.
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, 100_000).boxed().toList());
        Collections.shuffle(order, new Random(7));
        for (int i : order) {
            // 100,000 distinct /24s: documentation space holds three, so from 20.0.0.0/24 on
            String v4 = (20 + i / 65_536) + "." + (i / 256 % 256) + "." + (i % 256) + ".0/24";
            String v6 = "2001:db8:" + Integer.toHexString(i / 65_536) + ":" + Integer.toHexString(i % 65_536) + "::/64";
            csv.append(row("conn-" + i, "cust-" + (i % 5000), "US", "VA", v4 + " " + v6));
        }
        Path file = RegistryCsv.write(dir, csv.toString());
        assertThat(Files.size(file)).isGreaterThan(5_000_000);

        // CPU time of this thread, not wall time: parallel builds on a small machine must not fail the test.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        RegistryLoadResult result = RegistryLoader.load(file);
        Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.registry().size()).isEqualTo(100_000);
        assertThat(result.registry().connections().get(0).connectionId()).isEqualTo("conn-0");
        assertThat(result.registry().customerIds()).hasSize(5000);
        assertThat(took).as("CPU time to load").isLessThan(Duration.ofSeconds(5));
    }
}
