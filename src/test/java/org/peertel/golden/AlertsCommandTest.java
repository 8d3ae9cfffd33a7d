package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peertel alerts} on the golden week, whose incidents the expected lifecycle files list. */
class AlertsCommandTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    Path db;

    @BeforeEach
    void runTheWeek() {
        db = work.resolve("t.duckdb");
        GoldenJobTest.run(CASE, work.resolve("out"), db, "--from", "2026-03-02", "--to", "2026-03-07");
    }

    @Test
    void withoutOptionsItListsTheIncidentsOfOpenCsv() {
        PeertelCall call = PeertelCall.succeeding(List.of("alerts", "--db", db.toString()));

        assertThat(incidentIds(call))
                .containsExactly("2026-03-07/globex-par/REGRESSION", "2026-03-07/initech-lon/REGRESSION");
        assertThat(call.out())
                .contains("median 42.085 ms is above 1.5 x the baseline 20.645 ms")
                .endsWith("2 incidents\n");
        assertEquals(
                call.out(),
                PeertelCall.succeeding(List.of("alerts", "--open", "--db", db.toString()))
                        .out());
    }

    @Test
    void aRangeListsTheIncidentsOpenOrResolvedOnItsDays() {
        PeertelCall call = PeertelCall.succeeding(
                List.of("alerts", "--from", "2026-03-03", "--to", "2026-03-04", "--db", db.toString()));

        // globex-fra's opened on 03-02 and resolved on 03-03; acme-sfo's opened on 03-04
        assertThat(incidentIds(call))
                .containsExactly(
                        "2026-03-02/globex-fra/HIGH_MEDIAN",
                        "2026-03-03/acme-nyc/HIGH_MEDIAN",
                        "2026-03-04/acme-sfo/HIGH_P95");
        assertThat(call.out()).contains("did not fire on 2026-03-03; last: median 227.807 ms");
    }

    @Test
    void halfARangeIsAUsageError() {
        PeertelCall call = PeertelCall.of("alerts", "--from", "2026-03-03", "--db", db.toString());

        assertEquals(2, call.code(), call::toString);
        assertThat(call.err()).contains("--to");
    }

    @Test
    void aConnectionRemovedFromTheRegistryResolvesItsIncidentsOnTheFirstDayWithoutIt() throws Exception {
        // given: globex-fra's HIGH_MEDIAN incident opened on 03-02; a registry without globex-fra from 03-03 on
        Path registry = work.resolve("without-globex-fra.csv");
        java.nio.file.Files.write(
                registry,
                java.nio.file.Files.readAllLines(CASE.resolve("input/connections.csv")).stream()
                        .filter(line -> !line.startsWith("globex-fra,"))
                        .toList());
        Path out = work.resolve("out2");
        Path db2 = work.resolve("t2.duckdb");
        GoldenJobTest.run(CASE, out, db2, "--date", "2026-03-02");

        // when
        List<String> day2 =
                new java.util.ArrayList<>(GoldenJobTest.runArguments(CASE, out, db2, "--date", "2026-03-03"));
        day2.set(day2.indexOf("--connections") + 1, registry.toString());
        PeertelCall.succeeding(day2);

        // then
        assertThat(java.nio.file.Files.readString(out.resolve("alerts/2026-03-03-resolved.csv")))
                .contains("2026-03-02/globex-fra/HIGH_MEDIAN,2026-03-02,2026-03-03,globex,globex-fra,Globex Frankfurt,"
                        + "HIGH_MEDIAN,CRITICAL,1,connection removed from the registry on 2026-03-03; last: median "
                        + "227.807 ms is above the 200.000 ms CRITICAL threshold\n");
    }

    private static List<String> incidentIds(PeertelCall call) {
        return call.out()
                .lines()
                .skip(1)
                .filter(line -> line.matches("\\d{4}-.*"))
                .map(line -> line.split(" +")[0])
                .toList();
    }
}
