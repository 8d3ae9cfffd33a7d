package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on the generated sample week, with the shipped settings (BGP on, from
 * {@code sample-data/bgp}), then globex's range report: the hijack of globex-fra-1's 203.0.113.128/25 on 2026-11-21
 * stands on the same day as the connection's latency REGRESSION, in the alert file, the range CSV and the page.
 */
class SampleHijackBesideLatencyTest {

    static final String SETTINGS = "jobs/telemetry/telemetry.properties";

    @TempDir
    Path work;

    @Test
    void theHijackAndTheLatencyRiseShowOnTheSameDayOfGlobexFra1() throws Exception {
        // when
        PeertelCall run = PeertelCall.succeeding(sampleWeek("run"));
        PeertelCall.succeeding(sampleWeek("report", "--customer", "globex"));

        // then: the run summary's note of the 21st, the alert of that day
        assertThat(run.out())
                .contains("bgp: 1 critical, 0 warning events")
                .contains("; prefix events: events/<day>.csv, reports/<customer>/<day>-events.csv, "
                        + "bgp-rejects/<day>.csv");
        assertThat(Files.readAllLines(work.resolve("out/alerts/2026-11-21.csv")))
                .anySatisfy(line -> assertThat(line).contains("globex-fra-1").contains("REGRESSION"));
        // the range CSV: globex-fra-1 with its alert days and its one Critical event
        List<String> range = Files.readAllLines(work.resolve("out/reports/globex/range-2026-11-16_2026-11-22.csv"));
        List<String> header = Arrays.asList(range.get(0).split(","));
        String[] fra = range.stream()
                .filter(line -> line.contains(",globex-fra-1,"))
                .findFirst()
                .orElseThrow()
                .split(",");
        assertThat(fra[header.indexOf("alert_days")]).isEqualTo("2");
        assertThat(fra[header.indexOf("events_critical")]).isEqualTo("1");
        assertThat(fra[header.indexOf("events_warning")]).isEqualTo("0");
        // the page: the hijack's mark on the 21st, named, and the event in the connection's table
        String page = Files.readString(work.resolve("out/reports/globex/range-2026-11-16_2026-11-22.html"));
        assertThat(page)
                .contains("<title>2026-11-21, Critical: PrefixMoreSpecificOriginAsEvent 203.0.113.128/25 from "
                        + "AS64511</title>")
                .contains("203.0.113.128/25, a more-specific of 203.0.113.0/24, held with origin 64511");
    }

    /** {@code command} over the sample week with the shipped settings, into the test's folder. */
    private List<String> sampleWeek(String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of(
                "--from", "2026-11-16", "--to", "2026-11-22", "--settings", SETTINGS, "--out", out(), "--db", db()));
        return args;
    }

    private String out() {
        return work.resolve("out").toString();
    }

    private String db() {
        return work.resolve("t.duckdb").toString();
    }
}
