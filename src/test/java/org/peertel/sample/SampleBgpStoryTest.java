package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;

/**
 * {@code peertel bgp events} over the committed sample week, with the shipped settings (their {@code bgp} line points
 * at {@code sample-data/bgp}; no {@code --bgp}): exactly one Critical event, the hijack of 2026-11-21, and no Warning.
 */
class SampleBgpStoryTest {

    private static final List<String> DAYS =
            List.of("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22");

    @TempDir
    static Path work;

    private static String stdout;
    private static String stderr;
    private static int code;

    @BeforeAll
    static void runBgpEventsOnTheSampleWeek() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        code = SampleBgpOff.execute(
                new PrintWriter(out),
                new PrintWriter(err),
                "bgp",
                "events",
                "--from",
                "2026-11-16",
                "--to",
                "2026-11-22",
                "--settings",
                "jobs/telemetry/telemetry.properties",
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("sample.duckdb").toString());
        stdout = out.toString();
        stderr = err.toString();
    }

    @Test
    void everyDayIsReadWithOnlyTheHijackDayCritical() {
        assertThat(code).as(stderr).isZero();
        assertThat(stdout.lines().filter(line -> line.startsWith("2026-11-")))
                .containsExactly(
                        "2026-11-16  1 files, 180 records, 0 critical, 0 warning, 28 information event(s)",
                        "2026-11-17  1 files, 180 records, 0 critical, 0 warning, 28 information event(s)",
                        "2026-11-18  1 files, 194 records, 0 critical, 0 warning, 28 information event(s)",
                        "2026-11-19  1 files, 180 records, 0 critical, 0 warning, 28 information event(s)",
                        "2026-11-20  1 files, 180 records, 0 critical, 0 warning, 28 information event(s)",
                        "2026-11-21  1 files, 196 records, 1 critical, 0 warning, 28 information event(s)",
                        "2026-11-22  1 files, 180 records, 0 critical, 0 warning, 28 information event(s)");
        // the two documentation origins are the registry's only new warnings (besides the two nested prefixes)
        assertThat(stderr).contains("sample-data/connections.csv: 4 warning(s)");
    }

    @Test
    void theOnlyCriticalOrWarningEventIsTheHijackOfGlobexFra1() throws IOException {
        List<String> serious = new ArrayList<>();
        for (String day : DAYS) {
            Files.readAllLines(work.resolve("out/events/" + day + ".csv")).stream()
                    .filter(line -> line.contains(",Critical,") || line.contains(",Warning,"))
                    .forEach(serious::add);
        }

        assertThat(serious)
                .containsExactly("2026-11-21/globex-fra-1/PrefixMoreSpecificOriginAsEvent/203.0.113.128/25/64511/1,"
                        + "2026-11-21,globex,globex-fra-1,203.0.113.0/24,203.0.113.128/25,"
                        + "PrefixMoreSpecificOriginAsEvent,Critical,2026-11-21T09:14:18Z,2026-11-21T09:14:58Z,"
                        + "2026-11-21T12:35:36Z,64511,64501,8,8,65536 65548 64511,"
                        + "\"203.0.113.128/25, a more-specific of 203.0.113.0/24, held with origin 64511, not one of "
                        + "64501, by up to 8 peers\"");
    }

    @Test
    void everyRegisteredPrefixIsAnnouncedByAllTwelvePeersEveryDay() throws IOException {
        for (String day : DAYS) {
            List<String> activePaths = Files.readAllLines(work.resolve("out/events/" + day + ".csv")).stream()
                    .filter(line -> line.contains(",PrefixActivePath,"))
                    .toList();
            assertThat(activePaths)
                    .as(day)
                    .hasSize(14)
                    .allSatisfy(line -> assertThat(line).contains("held by 12 peers at the day's end"));
        }
    }

    @Test
    void theHijackIsInGlobexsOwnEventFileAndNoOtherCustomers() throws IOException {
        assertThat(Files.readString(work.resolve("out/reports/globex/2026-11-21-events.csv")))
                .contains("PrefixMoreSpecificOriginAsEvent");
        for (String customer : List.of("acme", "initech", "umbrella")) {
            assertThat(Files.readString(work.resolve("out/reports/" + customer + "/2026-11-21-events.csv")))
                    .doesNotContain("Critical");
        }
    }
}
